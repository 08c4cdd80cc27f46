"""Parties, their defined names and their roles, from preambles written in many real-world styles.

Roles come from what each party is and does, never from the word the agreement calls it.
"""
from party_support import parties_of


def test_llc_manager_and_professional_corporation_practice():
    parties = parties_of('''
        MANAGEMENT SERVICES AGREEMENT

        This Management Services Agreement (this "Agreement") is entered into as of March 1, 2025 by and
        between ACME AESTHETICS MSO, LLC, a Delaware limited liability company ("Manager"), and GLOW
        MEDICAL, P.C., a Texas professional corporation (the "Practice").
    ''')
    assert parties["mso"].name == "ACME AESTHETICS MSO, LLC"
    assert parties["mso"].aliases == ("Manager", "ACME AESTHETICS MSO")
    assert parties["mso"].entity_type == "limited liability company"
    assert parties["practice"].name == "GLOW MEDICAL, P.C."
    assert parties["practice"].aliases == ("Practice", "GLOW MEDICAL")
    assert parties["practice"].entity_type == "professional corporation"


def test_practice_named_first_and_called_company():
    parties = parties_of('''
        THIS ADMINISTRATIVE SERVICES AGREEMENT is made and entered into by and between Rosewood Dermatology,
        PLLC, a New York professional limited liability company (the "Company"), and Harborline Practice
        Solutions LLC, a Delaware limited liability company ("Administrator").

        WHEREAS, Administrator is in the business of providing administrative services to medical practices.
    ''')
    assert parties["practice"].name == "Rosewood Dermatology, PLLC"
    assert "Company" in parties["practice"].aliases
    assert parties["mso"].name == "Harborline Practice Solutions LLC"
    assert parties["mso"].aliases[0] == "Administrator"


def test_mso_called_company_and_practice_called_provider():
    parties = parties_of('''
        This Management Services Agreement is entered into by and between Solstice Glow Partners, Inc., a
        Delaware corporation (the "Company"), and Bayside Aesthetic Medicine, PLLC, a Florida professional
        limited liability company ("Provider").

        WHEREAS, Provider is a professional limited liability company owned by physicians licensed in Florida;

        WHEREAS, the Company is in the business of providing management services.
    ''')
    assert parties["mso"].aliases[0] == "Company"
    assert parties["practice"].aliases[0] == "Provider"


def test_three_parties_by_and_among_with_a_physician_owner():
    parties = parties_of('''
        This Management Services Agreement is entered into by and among Lumen Aesthetics Management, LLC,
        a Texas limited liability company ("Manager"), Radiant Skin Medical, P.A., a Texas professional
        association ("Practice"), and Elena Castillo, M.D., an individual ("Owner").

        WHEREAS, Elena Castillo, M.D. is the sole shareholder of Practice.
    ''')
    assert parties["mso"].name == "Lumen Aesthetics Management, LLC"
    assert parties["practice"].name == "Radiant Skin Medical, P.A."
    assert parties["owner"].name == "Elena Castillo, M.D."
    assert parties["owner"].aliases == ("Owner", "Elena Castillo")
    assert parties["owner"].entity_type == "physician"


def test_between_block_with_parties_on_separate_lines():
    parties = parties_of('''
        BUSINESS SUPPORT SERVICES AGREEMENT

        THIS AGREEMENT is made as of January 1, 2025

        BETWEEN:

        NORTHWIND MSO HOLDINGS, LLC, a Colorado limited liability company (hereinafter "Service Company")

        AND:

        ASPEN GLOW MEDICAL GROUP, INC., a Colorado professional service corporation (the "Group")
    ''')
    assert parties["mso"].name == "NORTHWIND MSO HOLDINGS, LLC"
    assert parties["mso"].aliases[0] == "Service Company"
    assert parties["practice"].name == "ASPEN GLOW MEDICAL GROUP, INC."
    assert parties["practice"].aliases[0] == "Group"


def test_mso_called_by_its_short_name_and_practice_called_pc():
    parties = parties_of('''
        This Agreement is entered into by and between Velvet Skin Partners, LLC, a Nevada limited liability
        company ("Velvet"), and Desert Bloom Aesthetics, P.C., a Nevada professional corporation ("PC").

        WHEREAS, Velvet provides management services to physician practices.
    ''')
    assert parties["mso"].aliases[0] == "Velvet"
    assert parties["practice"].aliases[0] == "PC"


def test_business_manager_and_doctor_as_a_professional_association():
    parties = parties_of('''
        This Business Management Agreement is made by and between Coastline Practice Management, Inc., a
        Florida corporation (the "Business Manager"), and John Roe, M.D., P.A., a Florida professional
        association (collectively, "Doctor").
    ''')
    assert parties["mso"].aliases[0] == "Business Manager"
    assert parties["practice"].name == "John Roe, M.D., P.A."
    assert parties["practice"].aliases[0] == "Doctor"


def test_professional_company_with_curly_quotes_and_the_name_after_the_definition():
    parties = parties_of('''
        This Management Services Agreement is entered into by and between Summit Clinic Services, LLC
        (“Manager”), a Utah limited liability company, and Wasatch Skin Professional Company, a Utah
        professional corporation (the “Professional Company”).
    ''')
    assert parties["mso"].aliases[0] == "Manager"
    assert parties["practice"].name == "Wasatch Skin Professional Company"
    assert parties["practice"].aliases[0] == "Professional Company"


def test_company_is_the_practice_when_recitals_say_it_practices_medicine():
    parties = parties_of('''
        This Agreement is between Brightline Ventures LLC, a Delaware limited liability company ("Brightline"),
        and Clearwater Aesthetics LLC, a California limited liability company (the "Company").

        WHEREAS, the Company is owned by physicians and provides medical services to patients; and

        WHEREAS, Brightline is in the business of providing non-clinical management services.
    ''')
    assert parties["practice"].aliases[0] == "Company"
    assert parties["mso"].aliases[0] == "Brightline"


def test_medical_group_inc_is_the_practice():
    parties = parties_of('''
        This Management Services Agreement is entered into by and between Pacific Glow Medical Group, Inc.
        ("Medical Group"), and Harbor Administrative Partners, LLC, a California limited liability company
        ("Administrator").
    ''')
    assert parties["practice"].name == "Pacific Glow Medical Group, Inc."
    assert parties["practice"].entity_type == "medical group"
    assert parties["mso"].name == "Harbor Administrative Partners, LLC"


def test_medical_director_joining_the_agreement():
    parties = parties_of('''
        This Agreement is entered into by and among Ember MSO, LLC ("Manager"), Ember Medical, PLLC
        ("Practice"), and Dana Lee, D.O., an individual ("Medical Director").

        WHEREAS, Practice wishes to engage Dana Lee, D.O. to serve as its medical director.
    ''')
    assert parties["medical_director"].name == "Dana Lee, D.O."
    assert parties["mso"].name == "Ember MSO, LLC" and parties["practice"].name == "Ember Medical, PLLC"


def test_parties_named_only_in_the_signature_block():
    parties = parties_of('''
        MANAGEMENT SERVICES AGREEMENT

        The parties agree as follows.

        1. Services. Manager shall provide management services to the Practice.

        IN WITNESS WHEREOF, the parties have executed this Agreement.

        MANAGER:
        Keystone Management Group, LLC
        By: ____________

        PRACTICE:
        Keystone Skin & Laser, P.C.
        By: ____________
    ''')
    assert parties["mso"].name == "Keystone Management Group, LLC"
    assert parties["mso"].aliases[0] == "Manager"
    assert parties["practice"].name == "Keystone Skin & Laser, P.C."


def test_a_single_party_is_still_returned():
    parties = parties_of('''
        This Management Services Agreement is entered into by Glow Medical, PLLC, a Texas professional
        limited liability company ("Practice").
    ''')
    assert list(parties) == ["practice"]
    assert parties["practice"].name == "Glow Medical, PLLC"


def test_a_document_without_parties_returns_none():
    assert parties_of("1. Services. Manager shall provide services.") == {}


def test_a_physician_contracting_personally_is_the_practice():
    parties = parties_of('''
        This Agreement is entered into by and between Crestview Management Services, LLC, a Georgia limited
        liability company ("Manager"), and Samuel Ortiz, M.D., an individual ("Doctor").
    ''')
    assert parties["practice"].name == "Samuel Ortiz, M.D."
    assert parties["practice"].aliases == ("Doctor", "Samuel Ortiz")
    assert parties["mso"].aliases[0] == "Manager"


def test_the_first_word_of_a_name_stands_for_its_party_when_the_body_uses_it_so():
    parties = parties_of('''
        This Management Agreement is made by and between GLOWHAUS MANAGEMENT, LLC, a Nevada limited
        liability company ("Manager"), and FIRST COAST AESTHETIC MEDICINE, P.C., a Nevada professional
        corporation ("Practice").

        1.1 No treatment may be added to the menu unless Glowhaus has signed off on it in writing.
        1.2 First Coast shall keep its records. The First Amendment is attached.
    ''')
    assert "Glowhaus" in parties["mso"].aliases
    assert "First" not in parties["practice"].aliases  # a generic first word never names a party alone


def test_a_first_word_shared_by_both_parties_names_neither():
    parties = parties_of('''
        This Agreement is made by and between Lumen Partners LLC ("Manager") and Lumen Medical, P.C.
        ("Practice"). Lumen shall provide the premises.
    ''')
    assert "Lumen" not in parties["mso"].aliases and "Lumen" not in parties["practice"].aliases
