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
