"""Real-agreement drafting: hazards buried in long clauses, consent said sideways, fee formulas with no
"percent", and the look-alike clauses that must stay quiet. Written by the analyzer's author; each case
is one clause with unknown parties (see conftest.clause_findings).
"""
import pytest

FLAGGED = [
    # fee formulas without the word "percent"
    ('revenue_based_fee',
     "Group shall pay to Halcyon, as a management fee, an amount equal to 0.22 multiplied by Group's gross "
     'receipts for each month.'),
    ('revenue_based_fee',
     'The Management Fee for each month shall equal the product of (a) the Net Revenue of Practice for such month '
     'and (b) the Fee Percentage set forth in Schedule 2.'),
    ('revenue_based_fee',
     'The Service Fee shall be calculated by applying the Applicable Rate stated in Exhibit C to the Collections '
     'of the Practice.'),
    ('revenue_based_fee',
     'Practice agrees that MSO shall retain, from each payment received from a patient, a management charge of '
     'fifteen cents ($0.15) for each dollar so received.'),
    ('revenue_based_fee',
     "If Practice's EBITDA for any fiscal year exceeds the target set in the Annual Budget, Practice shall pay "
     'Manager fifty percent (50%) of such excess as an Incentive Management Fee.'),
    ('revenue_based_fee',
     "The Management Fee shall be an amount equal to Practice's Net Revenue less the Practice Retained Amount."),
    ('revenue_based_fee',
     'The Management Fee shall be adjusted from time to time so that Manager receives forty percent of '
     'collections.'),
    # budgets capping clinical supplies
    ('clinical_control',
     "Practice's purchases of clinical supplies, including injectables and anesthetics, shall not exceed the "
     'amounts set in the annual budget prepared and administered by Manager.'),
    ('clinical_control',
     'Manager shall establish the annual budget for injectables, fillers and other medical supplies, and Practice '
     'shall not exceed that budget.'),
    # medical director answers to the MSO
    ('md_reports_to_mso',
     "In his or her capacity as Medical Director, the physician shall answer to the MSO's Clinical Steering "
     'Committee.'),
    ('md_reports_to_mso',
     "The Medical Director shall be an officer of Manager and shall serve as Manager's Vice President, "
     'Medical Affairs.'),
    # violation buried mid-clause after business duties
    ('clinical_control',
     'Manager shall provide billing, collection, payroll processing, bookkeeping, accounts payable, marketing, '
     'information technology support, janitorial services, and lease administration for the Practice, shall '
     'approve all treatment protocols used by Practice clinicians, and shall maintain general liability insurance '
     'for the premises.'),
    ('clinical_control',
     'Manager shall, at its own expense, furnish the office space, furniture, fixtures and equipment described in '
     'Exhibit A, recruit and train the front desk staff, and, in its sole discretion, determine which aesthetic '
     'procedures the Practice offers to patients, all in accordance with the annual operating plan.'),
    # consent said sideways
    ('clinical_control',
     'Practice shall adopt clinical protocols only with the concurrence of Manager.'),
    ('clinical_control',
     "Practice may add a new injectable product to its treatment menu only upon Manager's sign-off."),
    ('clinical_control',
     'All informed consent forms and treatment protocols shall be in a form acceptable to Manager.'),
    ('clinical_control',
     "Practice shall credential its nurse injectors to Manager's reasonable satisfaction."),
    ('clinical_control',
     'Manager shall have the right to require Practice to terminate any clinician.'),
    ('clinical_control',
     'Practice shall follow the clinical policies in the Manager Operations Manual.'),
    # records
    ('mso_owns_records',
     'All patient records, including charts and clinical photographs, shall be proprietary to Manager.'),
    ('mso_owns_records',
     'Patient charts and EHR data are and shall remain proprietary to the Manager.'),
]

COMPLIANT_TWINS = [
    ('revenue_based_fee',
     'Group shall pay to Halcyon, as a management fee, an amount equal to 1.10 multiplied by the costs Halcyon '
     'incurs in providing the Services.'),
    ('revenue_based_fee',
     'The Management Fee for each month shall equal the fixed amount set forth in Schedule 2.'),
    ('revenue_based_fee',
     'The Management Fee shall be an amount equal to 110% of Manager\'s costs of providing the Services.'),
    ('revenue_based_fee',
     'If Practice terminates this Agreement without cause during the first year, Practice shall pay a termination '
     'charge equal to 10% of the annual fee.'),
    ('revenue_based_fee',
     'Amounts not paid when due shall bear interest at 1.5% of the unpaid balance per month.'),
    ('revenue_based_fee',
     'Manager shall not be entitled to any portion of professional fees, which belong solely to Practice.'),
    ('revenue_based_fee',
     "Manager's fee shall be adjusted annually to equal forty percent more than Manager's actual costs of "
     'the non-clinical staff it provides.'),
    ('clinical_control',
     'Practice shall establish the annual budget for injectables, fillers and other medical supplies, and Manager '
     'shall process purchase orders within that budget.'),
    ('clinical_control',
     'Practice shall adopt clinical protocols with the concurrence of its Medical Director.'),
    ('clinical_control',
     'Manager shall provide billing, collection, payroll processing, bookkeeping, accounts payable, marketing, '
     'information technology support, janitorial services, and lease administration for the Practice, and shall '
     'maintain general liability insurance for the premises.'),
    ('clinical_control',
     "Manager's marketing materials shall be in a form acceptable to Practice."),
    ('clinical_control',
     'Practice shall have the right to require Manager to remove any member of the front desk staff.'),
    ('clinical_control',
     'Practice shall follow the billing and scheduling procedures in the Manager Operations Manual.'),
    ('clinical_control',
     'Manager shall perform payroll processing for the clinicians at the direction of the Practice.'),
    ('clinical_control',
     'Manager shall schedule patient appointments in the time slots that the Practice sets.'),
    ('clinical_control',
     'Manager shall track renewal dates and prepare applications for business licenses and payor enrollments, '
     'and shall assemble credentialing paperwork for the clinicians.'),
    ('md_reports_to_mso',
     "The Medical Director shall answer only to the Practice's Board of Directors."),
    ('mso_owns_records',
     "Manager's billing software and operations manual are proprietary to Manager; patient records belong to "
     'Practice.'),
    ('mso_owns_records',
     'Manager shall maintain the patient records as custodian for the Practice, which owns them.'),
]


@pytest.mark.parametrize("category, text", FLAGGED)
def test_real_drafting_hazards_are_flagged(categories_of, category, text):
    assert category in categories_of(text)


@pytest.mark.parametrize("category, text", COMPLIANT_TWINS)
def test_look_alike_clauses_stay_quiet(categories_of, category, text):
    assert category not in categories_of(text)


# Long, filed-style clauses inside a small agreement whose preamble names the parties (the way real
# agreements arrive): the hazard sits in one sentence among business duties.
_AGREEMENT = (
    "MANAGEMENT SERVICES AGREEMENT\n\n"
    'This Management Services Agreement (this "Agreement") is made as of March 3, 2025 by and between '
    'Harbor Lane Services, LLC, a Delaware limited liability company ("{mso}"), and Ostrander Aesthetics, P.C., '
    'a New York professional service corporation ("{practice}").\n\n'
    "5.3 {text}\n"
)


def _categories_in_agreement(text, mso="Manager", practice="Practice"):
    from msa_toolkit.analysis import analyze_text

    result = analyze_text(_AGREEMENT.format(mso=mso, practice=practice, text=text))
    return {f.category for f in result.findings if f.clause_id is not None}


IN_AGREEMENT_FLAGGED = [
    ("md_reports_to_mso", "Manager", "Group",
     "Supervision. Manager shall keep an organizational chart of its own staff. The Medical Director of Group "
     "shall be supervised in the performance of his or her clinical oversight duties by Manager's Chief "
     "Executive Officer. Group shall keep its own chart of clinical staff."),
    ("md_reports_to_mso", "Manager", "Professional Company",
     "Medical Director. Professional Company shall appoint a physician to serve as Medical Director. Manager "
     "shall coordinate the Medical Director's calendar and shall provide administrative assistance. The Medical "
     "Director's annual bonus shall be determined by Manager."),
    ("clinical_control", "Verde MSO", "P.C.",
     "Quality. Verde MSO shall tabulate patient surveys for the P.C. Verde MSO and P.C. shall jointly determine "
     "the clinical standards of care applicable to each procedure offered at the Spa."),
    ("clinical_control", "Company", "PC",
     "Operating Committee. The parties shall form an operating committee composed of two representatives "
     "appointed by Company and one representative appointed by PC. The committee shall review marketing and "
     "facilities. The committee shall also approve the addition of any procedure to the treatment menu."),
    ("mso_owns_records", "Management Company", "Group",
     "Subpoenas. Management Company shall be responsible for responding to subpoenas for patient medical "
     "records, and shall determine in its sole judgment what patient information shall be produced."),
    ("mso_owns_records", "Company", "Doctor",
     "Charts. Doctor shall document each encounter within one day. Title to each chart, upon completion, shall "
     "pass to Company."),
    ("mso_owns_records", "Service Company", "PC",
     "Storage. Service Company shall be entitled to retain the patient records of PC as security for payment of "
     "the Management Fee."),
    ("mso_owns_records", "Manager", "Professional Company",
     "After the Term. Professional Company's access to patient medical records maintained in Manager's systems "
     "shall be at the discretion of Manager."),
    ("revenue_based_fee", "Verde MSO", "Doctor",
     "Residual. Doctor may retain from the revenues of the Practice an amount equal to Doctor's Guaranteed "
     "Compensation. All revenues of the Practice in excess of such amounts shall be remitted to Verde MSO "
     "each month."),
]

IN_AGREEMENT_QUIET = [
    ("revenue_based_fee", "Company", "Medical Group",
     "Severability. If any provision of this Agreement is held invalid, the remaining provisions shall continue "
     "in full force, provided that in no event shall any substituted provision give Company any control over "
     "clinical matters or any share of Medical Group's professional fees."),
    ("clinical_control", "Company", "Provider",
     "Staffing Advice. Company may, based on appointment wait times, advise Provider that additional clinical "
     "staff appear to be needed. Provider alone shall decide whether to engage additional clinicians."),
    ("mso_owns_records", "Service Company", "Group",
     "Organization. Service Company shall update its organizational chart annually and shall own the "
     "organizational chart and its flow charts."),
]


@pytest.mark.parametrize("category, mso, practice, text", IN_AGREEMENT_FLAGGED)
def test_hazards_in_long_clauses_are_flagged(category, mso, practice, text):
    assert category in _categories_in_agreement(text, mso, practice)


@pytest.mark.parametrize("category, mso, practice, text", IN_AGREEMENT_QUIET)
def test_long_look_alikes_stay_quiet(category, mso, practice, text):
    assert category not in _categories_in_agreement(text, mso, practice)
