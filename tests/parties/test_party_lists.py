"""Parties listed one per numbered line, cover legends before the preamble, and what is NOT a party.

Regression tests from the held-out adversarial contracts (a03, a05, a06, a08, a09, a13).
"""
from party_support import parties_of


def test_parties_numbered_1_2_3_with_the_medical_director_as_a_party():
    parties = parties_of('''
        MANAGEMENT AND MEDICAL DIRECTION AGREEMENT

        This Management and Medical Direction Agreement (the "Agreement") is entered into as of
        May 1, 2025, by and among:

        (1) BRIGHTLANE CLINIC MANAGEMENT, LLC, a Tennessee limited liability company ("Manager");

        (2) ORCHARD SKIN & LASER, PLLC, a Tennessee professional limited liability company (the "Company"); and

        (3) HELEN M. STROM, M.D., an individual physician licensed in Tennessee (the "Medical Director").

        RECITALS

        WHEREAS, the Company is a medical practice that furnishes aesthetic medical services; and

        WHEREAS, Manager furnishes management services to medical practices.
    ''')
    assert parties["mso"].name == "BRIGHTLANE CLINIC MANAGEMENT, LLC"
    assert parties["mso"].aliases == ("Manager", "BRIGHTLANE CLINIC MANAGEMENT")
    assert parties["practice"].name == "ORCHARD SKIN & LASER, PLLC"
    assert parties["practice"].aliases[0] == "Company"
    assert parties["medical_director"].name == "HELEN M. STROM, M.D."
    assert parties["medical_director"].aliases == ("Medical Director", "HELEN M. STROM")


def test_parties_numbered_1_dot_and_lettered_a_b():
    for first, second in (("1.", "2."), ("(a)", "(b)")):
        parties = parties_of(f'''
            This Services Agreement is made between:

            {first} Northgate Practice Services, Inc., a Delaware corporation ("Service Company"); and

            {second} Linden Medical Group, P.C., an Ohio professional corporation (the "Group").
        ''')
        assert parties["mso"].name == "Northgate Practice Services, Inc."
        assert parties["practice"].name == "Linden Medical Group, P.C."


def test_confidential_treatment_legend_before_the_preamble_does_not_hide_the_parties():
    parties = parties_of('''
        CONFIDENTIAL TREATMENT REQUESTED

        Certain portions of this exhibit, marked [***], have been omitted.

        MANAGEMENT SERVICES AGREEMENT

        THIS MANAGEMENT SERVICES AGREEMENT is made and entered into by and between NORVALE HEALTH
        ADMINISTRATION CORP., a Delaware corporation ("Administrator"), and TIDELINE VEIN CENTER, P.A.,
        a North Carolina professional association ("Provider").
    ''')
    assert parties["mso"].name == "NORVALE HEALTH ADMINISTRATION CORP."
    assert parties["practice"].name == "TIDELINE VEIN CENTER, P.A."


def test_a_place_defined_in_the_recitals_is_not_a_party():
    found = parties_of('''
        This Management Agreement ("Agreement") is made on May 5, 2025 between SEAGLASS WELLNESS
        VENTURES, LLC, a Florida limited liability company (the "Company"), and MARA VOSS, M.D., P.A.,
        a Florida professional association ("Doctor").

        Recitals

        Doctor practices medicine at 900 Harbor Drive, Suite 4, Jupiter, Florida (the "Office"). The
        Company provides management services to medical offices.
    ''')
    assert set(found) == {"mso", "practice"}
    assert all("Office" not in party.aliases for party in found.values())


def test_a_practice_owner_named_in_a_background_paragraph_is_not_a_party():
    found = parties_of('''
        THIS PRACTICE ADMINISTRATION AGREEMENT (the "Agreement") is made as of December 1, 2025 between
        HARBORSIDE PRACTICE ADMINISTRATORS, LLC, a Virginia limited liability company ("Administrator"),
        and PETER L. ANDERS, M.D., PLLC, a Virginia professional limited liability company ("Doctor").

        BACKGROUND

        Doctor is a solo medical practice owned by Peter L. Anders, M.D., a dermatologist, that treats
        patients in Norfolk, Virginia (the "Office").
    ''')
    assert set(found) == {"mso", "practice"}
    assert found["practice"].name == "PETER L. ANDERS, M.D., PLLC"


def test_medical_director_with_a_doctor_title_gets_the_role_and_short_forms():
    parties = parties_of('''
        This Medical Director Agreement is entered into by and among Crest Aesthetics Management, LLC,
        a Texas limited liability company ("Manager"), Bayou Glow Medical, P.A., a Texas professional
        association ("Practice"), and Dr. Jane Roe, M.D. (the "Medical Director").
    ''')
    director = parties["medical_director"]
    assert director.name == "Dr. Jane Roe, M.D."
    assert director.aliases == ("Medical Director", "Dr. Jane Roe", "Jane Roe", "Dr. Roe")
    assert director.entity_type == "physician"


def test_physician_owner_described_as_shareholder_of_the_pc_is_the_owner():
    parties = parties_of('''
        This Agreement is made by and among Lantern Aesthetic Partners, LLC, a Texas limited liability
        company ("Lantern"), Brightway Medical Associates, PC, a Texas professional corporation (the "PC"),
        and Ravi K. Mehta, M.D., an individual licensed to practice medicine in Texas and the sole
        shareholder of the PC ("Dr. Mehta" or the "Owner").
    ''')
    assert parties["owner"].name == "Ravi K. Mehta, M.D."
    assert parties["owner"].entity_type == "physician"
    assert parties["practice"].name == "Brightway Medical Associates, PC"


def test_a_name_styled_a_professional_corporation_keeps_its_style():
    parties = parties_of('''
        THIS AGREEMENT is entered into by and between KITE PRACTICE PARTNERS, INC., a Georgia corporation
        (the "Business Manager"), and PEAK AESTHETIC PHYSICIANS, A PROFESSIONAL CORPORATION, a Georgia
        professional corporation (the "Professional Company").
    ''')
    practice = parties["practice"]
    assert practice.name == "PEAK AESTHETIC PHYSICIANS, A PROFESSIONAL CORPORATION"
    assert practice.aliases == ("Professional Company", "PEAK AESTHETIC PHYSICIANS")
