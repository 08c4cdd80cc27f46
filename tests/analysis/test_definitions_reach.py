"""Definitions that carry a finding to clauses far from them, as data-room agreements are drafted: a fee part
defined in the definitions article, a data term that holds patient charts, a physician's short name in an
exhibit, and a manual the MSO writes that a clause fills with clinical things."""
from msa_toolkit.analysis import analyze_text

PREAMBLE = ('This Management Services Agreement is made between Cedar Support LLC ("Manager") and Cedar Medical '
            'Group, P.C. ("Practice").\n\nARTICLE 1 DEFINITIONS\n\n')


def _found(body):
    result = analyze_text(PREAMBLE + body)
    return {(f.category, f.clause_id) for f in result.findings if f.clause_id}, result


def _flagged_only_while(body, category, words, harmless_words):
    """The last clause of `body` has a `category` finding, and none once the definition says `harmless_words`."""
    found, result = _found(body)
    assert (category, result.document.clauses[-1].id) in found, result.findings
    found, result = _found(body.replace(words, harmless_words))
    assert not found, result.findings


def test_a_fee_part_defined_apart_is_read_where_it_is_defined():
    found, result = _found(
        '1.1 "Service Fee" means, for each month, the sum of the Base Amount and the Variable Amount.\n\n'
        '1.2 "Base Amount" means $10,000 per month.\n\n'
        '1.3 "Variable Amount" means, for each month, nine percent (9%) of the Professional Receipts.\n\n'
        'ARTICLE 2 FEES\n\n2.1 Fee. Practice shall pay Manager the Service Fee monthly.\n')
    assert any(category == "revenue_based_fee" for category, _ in found), result.findings


def test_the_definition_of_a_revenue_base_alone_is_no_fee():
    found, _ = _found('1.1 "Collections" means all amounts actually received by or on behalf of Practice for '
                      'Professional Services.\n\nARTICLE 2 FEES\n\n2.1 Fee. Practice shall pay Manager a fixed fee of '
                      '$12,000 per month.\n')
    assert not any(category == "revenue_based_fee" for category, _ in found)


def test_a_data_term_that_holds_patient_charts_is_patient_records():
    found, _ = _found('1.1 "Clinic Data" means all information stored in connection with the Clinic, including '
                      'patient charts and clinical photographs.\n\nARTICLE 2 RECORDS\n\n2.1 Ownership. All Clinic Data '
                      'shall be the exclusive property of Manager.\n')
    assert any(category == "mso_owns_records" for category, _ in found)


def test_an_mso_manual_that_a_clause_fills_with_clinical_things_binds_them():
    found, _ = _found('1.1 "Brand Manual" means the operating manual of the clinic brand, as prepared and amended by '
                      'Manager from time to time.\n\nARTICLE 2 STANDARDS\n\n2.1 Standards. Practice shall cause each '
                      'nurse injector to follow the treatment protocols set out in the Brand Manual.\n\n2.2 Front Desk. '
                      'Manager shall run the front desk consistent with the Brand Manual.\n')
    assert [clause for category, clause in found if category == "clinical_control"] == ["sec-2.1"]


def test_a_committee_composed_with_the_msos_majority_in_one_clause_acts_jointly_in_another():
    body = ('ARTICLE 4 OPERATING COMMITTEE\n\n4.1 Composition. The parties shall maintain an Operating Committee of five '
            '(5) members, three (3) of whom shall be appointed by Manager and two (2) of whom shall be appointed by '
            'Practice.\n\n4.2 Authority. The Operating Committee shall have authority to review and approve: (a) the '
            'Annual Budget; (b) the treatment menu; and (c) the opening of new clinics.\n')
    found, result = _found(body)
    assert ("clinical_control", "sec-4.2") in found, result.findings


def test_a_committee_of_the_practices_physicians_alone_is_the_practice():
    body = ('ARTICLE 4 CLINICAL COMMITTEE\n\n4.1 Composition. Practice shall maintain a Clinical Committee consisting '
            'of three physicians appointed by Practice.\n\n4.2 Authority. The Clinical Committee shall have authority '
            'to review and approve: (a) the treatment menu; and (b) the clinical protocols.\n')
    found, result = _found(body)
    assert not any(category == "clinical_control" for category, _ in found), result.findings


def test_a_place_defined_by_what_is_done_there_is_not_a_clinical_thing():
    found, result = _found('1.1 "Centers" means the Group\'s aesthetic medicine centers at 2900 Pearl Street.\n\n'
                           'ARTICLE 3 PERSONNEL\n\n3.3 Staff. Manager shall employ and direct the receptionists and '
                           'marketing staff at the Centers.\n')
    assert not any(category == "clinical_control" for category, _ in found), result.findings


def test_a_definition_naming_its_keeper_before_the_verb_makes_the_msos_standard():
    found, result = _found('1.1 "Injection Protocols" means the dosing protocols for injectors that Manager keeps and '
                           'updates from time to time.\n\n1.2 "Brand Rules" means the rules that Manager\'s '
                           'committee approves.\n\nARTICLE 2 CARE\n\n2.1 Care. Each injector shall treat patients only '
                           'in accordance with the Injection Protocols.\n')
    assert ("clinical_control", "sec-2.1") in found, result.findings


def test_a_collective_term_for_clinicians_names_them_in_the_singular_too():
    body = ('1.1 Recitals. Practice renders aesthetic services through licensed physicians, physician assistants and '
            'registered nurses (collectively, "Associates").\n\nARTICLE 2 STAFFING\n\n'
            "2.1 Hiring. Practice shall not hire or terminate any Associate without Manager's prior written consent.\n")
    # the same term for the front-desk staff is no clinician
    _flagged_only_while(body, "clinical_control", "licensed physicians, physician assistants and registered nurses",
                        "receptionists, coordinators and cashiers")


def test_a_data_term_named_after_its_definition_holds_what_the_definition_lists():
    body = ('1.1 Data Rights. All information generated through the Platform, including appointment histories, '
            'treatment notes and patient-reported outcomes, constitutes "Platform Data". Manager shall have the exclusive '
            'right to determine the retention periods and the deletion schedules for Platform Data.\n')
    _flagged_only_while(body, "mso_owns_records", "appointment histories, treatment notes and patient-reported outcomes",
                        "invoices, vendor rebates and marketing leads")


def test_a_physicians_short_name_after_a_longer_description_names_the_director():
    body = ('1.1 "Agreement" means this agreement.\n\nEXHIBIT B MEDICAL DIRECTOR AGREEMENT\n\n'
            'This Medical Director Agreement is entered into between Practice and Wren Abbott, M.D., a physician licensed '
            'by the Texas Medical Board ("Director").\n\n'
            "B.6 Performance Review. Director's performance shall be reviewed annually by Manager's Vice President of "
            "Operations, who shall evaluate Director's responsiveness and the timeliness of chart reviews.\n")
    found, result = _found(body)
    assert ("md_reports_to_mso", result.document.clauses[-1].id) in found, result.findings


def test_a_composed_committee_keeps_its_power_under_its_defined_short_name():
    body = ('1.4 "Committee" means the Joint Operating Committee established under Section 4.1.\n\n'
            'ARTICLE 4 OPERATING COMMITTEE\n\n4.1 Composition. The Parties establish a Joint Operating Committee of five '
            '(5) members, three (3) of whom shall be appointed by Manager and two (2) of whom shall be appointed by '
            'Practice.\n\nARTICLE 9 POWERS\n\n9.3 Service Lines. The Committee shall approve the treatment menu and the '
            'standing orders under which the nurse practitioners perform delegated procedures.\n')
    _flagged_only_while(body, "clinical_control", "three (3) of whom shall be appointed by Manager and two (2) of whom "
                        "shall be appointed by Practice", "all of whom shall be appointed by Practice")


def test_a_staff_term_whose_definition_names_patient_care_coordinators_is_no_clinical_thing():
    body = ('1.3 "Business Staff" means the receptionists, patient care coordinators, bookkeepers and other non-licensed '
            'personnel employed by Manager.\n\nARTICLE 4 STAFF\n\n4.1 Business Staff. Manager shall recruit, supervise '
            'and discharge the Business Staff, who shall follow Manager\'s employment policies.\n')
    found, result = _found(body)
    assert not found, result.findings
