"""Phrasings the corpus does not use: the same hazards (and protections) said in other words.

Written by the analyzer's author, not copied from any agreement; each case is one clause with unknown parties.
"""
import pytest

FLAGGED = [
    ('clinical_control',
     'Administrator reserves the right to veto the addition of any new aesthetic procedure to '
     "the Practice's offerings."),
    ('clinical_control',
     'The Practice agrees to use only those lasers and energy-based devices that the Manager '
     'designates.'),
    ('clinical_control',
     'Manager may, upon notice, require the Practice to discontinue any treatment that Manager '
     'deems unprofitable.'),
    ('clinical_control',
     'All standing orders issued by the Supervising Physician are subject to ratification by the'
     ' MSO.'),
    ('clinical_control', 'Manager will determine how many nurse injectors work each shift.'),
    ('clinical_control',
     'The Practice may not discharge or discipline any registered nurse unless Manager has first'
     ' given its written consent.'),
    ('clinical_control',
     'Manager shall have the sole right to select, credential and terminate the mid-level '
     'providers who render services at the Clinic.'),
    ('clinical_control',
     'Each provider shall follow the treatment protocols and product guidelines adopted by the '
     'Manager from time to time.'),
    ('clinical_control', 'The length of each patient appointment shall be set by the Manager.'),
    ('clinical_control',
     'Manager shall control the budget for medical supplies and may refuse any clinical '
     'expenditure in its discretion.'),
    ('clinical_control',
     'Company, acting through its Chief Executive Officer, shall approve every change to the '
     'clinical protocols of the Practice.'),
    ('clinical_control',
     "Practice covenants that it will not alter its formulary without first securing Manager's "
     'sign-off.'),
    ('revenue_based_fee',
     'In consideration of the services, the Practice shall remit to the Manager thirty percent '
     'of all professional fees collected each month.'),
    ('revenue_based_fee', "The Service Fee equals 7% of the Practice's monthly gross receipts."),
    ('revenue_based_fee',
     'Manager is entitled to retain all Practice cash in excess of the Operating Reserve after '
     'payment of Practice Expenses.'),
    ('revenue_based_fee',
     "Manager's compensation shall be an amount equal to the Practice's net profits for each "
     'fiscal quarter.'),
    ('revenue_based_fee',
     'The annual fee shall be the lesser of $500,000 or twenty percent (20%) of Gross Revenues.'),
    ('revenue_based_fee',
     'Company shall receive a management fee calculated as six and one-quarter percent of Net '
     'Revenue.'),
    ('volume_pressure_comp', 'Nurse injectors shall be paid $15 per unit of neurotoxin administered.'),
    ('volume_pressure_comp',
     "The Medical Director shall earn a bonus of $5,000 each quarter in which the Practice's "
     'collections exceed $400,000.'),
    ('volume_pressure_comp', 'Each physician assistant must complete at least 25 filler treatments per week.'),
    ('volume_pressure_comp', 'Providers who fail to meet the monthly revenue goal shall have their hours reduced.'),
    ('md_reports_to_mso', "The Medical Director shall be hired by Manager and serve at Manager's pleasure."),
    ('md_reports_to_mso', 'Manager shall determine the compensation of the Medical Director.'),
    ('md_reports_to_mso',
     "The Medical Director shall be accountable to the Manager's Vice President of Operations "
     'for the quality of care.'),
    ('md_reports_to_mso', 'Manager may remove the Medical Director at any time.'),
    ('mso_owns_records',
     'All patient charts and before-and-after photographs are and shall remain the exclusive '
     'property of the Manager.'),
    ('mso_owns_records', 'Manager shall own all patient data and may sell de-identified data to third parties.'),
    ('mso_owns_records', 'Title to the medical records shall vest in Manager upon creation.'),
    ('clinical_control',
     'Company shall be responsible for the hiring and firing of all nurse practitioners and '
     'physician assistants.'),
    ('clinical_control', 'The decision to hire any licensed provider rests solely with Manager.'),
    ('clinical_control',
     "Manager shall manage and direct the day-to-day work of the Practice's aestheticians and "
     'nurse injectors.'),
    ('clinical_control',
     "Practice shall obtain Manager's approval prior to offering any new injectable treatment."),
    ('clinical_control', 'Manager shall establish clinical staffing ratios for each location.'),
    ('clinical_control',
     'Any clinical policy adopted by the Practice shall be effective only upon written approval '
     'of the Manager.'),
    ('clinical_control',
     'Manager shall choose the suppliers of all dermal fillers and neurotoxins used at the '
     'Practice.'),
    ('clinical_control', 'The Practice shall adhere to the clinical guidelines established by the MSO.'),
    ('clinical_control', 'Manager will evaluate the clinical performance of each nurse practitioner annually.'),
    ('clinical_control',
     'It is agreed that Manager shall have final say over the products and medications used in '
     'treatments.'),
    ('revenue_based_fee',
     'The Practice shall pay the MSO a fee equal to forty-five percent (45%) of collections, '
     'less refunds.'),
    ('revenue_based_fee',
     'Manager shall sweep the Practice Account daily and retain any balance after Practice '
     'Expenses are paid.'),
    ('revenue_based_fee',
     "The fee for each month shall be the Practice's revenue for that month minus the Practice's"
     ' operating costs.'),
    ('revenue_based_fee',
     'Practice shall pay Manager a monthly fee of $40,000, increasing to 12% of Gross Revenue '
     'once Gross Revenue exceeds $5,000,000.'),
    ('revenue_based_fee',
     "Manager shall be compensated by a share of the Practice's income equal to one-third "
     'thereof.'),
    ('volume_pressure_comp',
     'Practice shall pay each injector a commission equal to 10% of the retail value of products'
     ' she sells.'),
    ('volume_pressure_comp',
     'Clinicians who perform more than 100 procedures in a month shall receive a $1,000 bonus.'),
    ('volume_pressure_comp', "The Medical Director's annual bonus shall be based on the Practice's gross revenue."),
    ('md_reports_to_mso', 'The Medical Director shall be an employee of the MSO.'),
    ('md_reports_to_mso', 'Manager shall conduct the annual performance review of the Medical Director.'),
    ('md_reports_to_mso', 'Manager shall appoint the Medical Director.'),
    ('mso_owns_records',
     "Manager shall have exclusive control over the Practice's electronic medical records, "
     'including decisions regarding their release.'),
    ('mso_owns_records',
     'All clinical photographs taken at the Clinic shall belong to Manager, which may use them '
     'in its marketing.'),
    ('md_reports_to_mso',
     'The Medical Director shall take direction from the Manager on all matters relating to '
     'clinical supervision.'),
    ('md_reports_to_mso',
     "Manager shall set the Medical Director's goals and review the Medical Director's "
     'performance against them.'),
    ('md_reports_to_mso',
     "Manager shall pay the Medical Director an incentive bonus tied to the Practice's patient "
     'satisfaction and revenue growth.'),
    ('md_reports_to_mso',
     'The Medical Director shall be employed by Lumina Holdings and shall devote twenty hours '
     'per week to the Practice.'),
    ('md_reports_to_mso',
     "The Practice's medical director shall report monthly to the Manager's regional director on"
     ' clinical quality.'),
    ('md_reports_to_mso', "The Medical Director may be replaced by Manager upon thirty days' notice."),
    ('md_reports_to_mso',
     'Any Medical Director engaged by the Practice must first be interviewed and approved by '
     'Manager.'),
    ('md_reports_to_mso', "The Medical Director shall answer to Company's Chief Clinical Officer."),
    ('md_reports_to_mso',
     'Company shall supervise the Medical Director in the performance of his clinical oversight '
     'duties.'),
    ('mso_owns_records', 'Manager shall be the owner of all patient files and treatment photographs.'),
    ('mso_owns_records',
     'Patient records shall be held by Manager, which shall have the sole right to determine '
     'their retention and destruction.'),
    ('mso_owns_records',
     'The Practice hereby assigns to Manager all right, title and interest in the patient '
     'records.'),
    ('mso_owns_records',
     'Manager may use patient information and photographs for any purpose, including marketing, '
     'without the consent of the Practice.'),
    ('mso_owns_records', 'All EHR data shall be proprietary to the Manager.'),
    ('mso_owns_records', "No patient record may be released to any person without Manager's consent."),
    ('mso_owns_records', 'Upon termination, all patient charts shall remain with Manager.'),
    ('clinical_control', 'Manager shall determine which patients are eligible for treatment.'),
    ('clinical_control',
     "Practice shall not refuse to treat any patient referred by Manager without Manager's "
     'written consent.'),
    ('clinical_control', 'Manager shall establish the standard of care applicable to all aesthetic procedures.'),
    ('clinical_control',
     'Manager may override any clinical decision that it believes is inconsistent with the '
     'business plan.'),
    ('clinical_control', 'Manager shall approve the hiring of all clinical staff.'),
    ('clinical_control', 'The hiring of clinical staff shall require the consent of Manager.'),
    ('clinical_control', 'Manager shall train all injectors in the injection techniques that Manager prescribes.'),
    ('volume_pressure_comp', 'The Practice shall cause each provider to book at least eight patients per day.'),
    ('volume_pressure_comp',
     'Injectors shall be paid a percentage of the revenue generated from their treatments.'),
    ('volume_pressure_comp',
     "Each provider's compensation shall consist of a base salary plus 15% of collections from "
     'services the provider personally performs.'),
    ('clinical_control',
     'Subject to Section 4.2, the Manager shall, in consultation with the Practice, have the '
     'right to establish, revise and enforce the Clinical Protocols applicable at each Location,'
     ' and the Practice shall cause its Professional Personnel to comply therewith.'),
    ('clinical_control',
     'Notwithstanding anything to the contrary in Section 3.1, Manager may require Practice to '
     "add, remove or modify any service on the Treatment Menu upon thirty (30) days' notice."),
    ('clinical_control',
     "Practice shall not, without Manager's prior written approval (which may be withheld in "
     "Manager's sole discretion), employ or contract with any Licensed Provider."),
    ('clinical_control',
     'Manager shall be entitled to require the removal of any nurse injector whom Manager '
     'reasonably determines is not meeting productivity standards.'),
    ('clinical_control',
     'Manager shall have the exclusive right to negotiate and approve the purchase of all '
     'injectables, devices and other clinical supplies.'),
    ('clinical_control',
     "The Practice's clinical schedule, including the number of patient appointments per "
     'provider per day, shall be set by the Manager.'),
    ('clinical_control',
     'MANAGER SHALL HAVE THE RIGHT TO APPROVE OR REJECT ANY PHYSICIAN PROPOSED BY THE PRACTICE.'),
    ('clinical_control',
     'In the event the Parties cannot agree on any clinical protocol, the decision of the '
     'Manager shall be final and binding.'),
    ('revenue_based_fee',
     'Manager shall be entitled to a Management Fee equal to the sum of (i) $10,000 per month '
     'plus (ii) five percent (5%) of Net Collections.'),
    ('revenue_based_fee',
     'The Management Fee for each Fiscal Year shall be an amount equal to fifty percent (50%) of'
     " the Practice's Net Income for such Fiscal Year."),
    ('revenue_based_fee',
     'Each month Manager shall transfer to its own account all amounts in the Practice Account '
     'in excess of the Practice Reserve, which amounts shall constitute the Management Fee.'),
    ('volume_pressure_comp',
     'Provider compensation shall include a production bonus equal to twenty percent (20%) of '
     "each Provider's collections in excess of $30,000 per month."),
    ('md_reports_to_mso',
     "The Medical Director shall be designated by Manager, subject to the Practice's reasonable "
     'approval.'),
    ('mso_owns_records',
     'All medical records, patient lists and patient data shall be and remain the property of '
     'Manager, and Practice shall have a license to use them during the Term.'),
    ('revenue_based_fee',
     'Practice shall pay Manager, as compensation for the Management Services, an amount equal '
     'to Gross Collections multiplied by eleven percent (11%).'),
    ('revenue_based_fee',
     "Manager's fee shall be thirty-three and one-third percent (33 1/3%) of the Practice's net "
     'operating income.'),
    ('revenue_based_fee',
     'Manager may withdraw from the Practice Account, as its fee, the amount by which the '
     "Practice's receipts for the month exceed the Practice's expenses for the month."),
    ('revenue_based_fee',
     "For its services, Administrator shall be paid a percentage of the Practice's monthly gross"
     ' revenue as set forth below: 10% up to $100,000 and 8% thereafter.'),
    ('revenue_based_fee',
     'The Base Fee shall be $25,000 per month; provided that if Net Revenue exceeds $3,000,000 '
     'in any year, Manager shall also receive 5% of the Net Revenue above that amount.'),
    ('revenue_based_fee',
     'The Practice shall distribute to the Manager, on a monthly basis, the net profits of the '
     'Practice remaining after payment of physician salaries.'),
    ('volume_pressure_comp',
     'Manager shall pay a spiff of $50 to any aesthetician for each membership sold to a '
     'patient.'),
    ('volume_pressure_comp',
     "Each nurse practitioner's base salary shall be adjusted annually according to the number "
     'of procedures she performed in the prior year.'),
    ('md_reports_to_mso',
     'The Medical Director shall perform his or her duties under the direction of the Manager.'),
    ('md_reports_to_mso',
     'The Medical Director shall be compensated by Manager and shall be eligible for a bonus '
     'based on Practice revenue.'),
    ('clinical_control',
     'Manager shall be responsible for determining the appropriate course of treatment for each '
     'patient.'),
    ('clinical_control',
     "The Practice's physicians shall follow such treatment protocols as the Manager may from "
     'time to time prescribe.'),
    ('clinical_control',
     'Manager shall direct the Practice as to which laser devices are to be used for hair '
     'removal.'),
    ('clinical_control',
     'The scope of services provided by nurse injectors shall be determined by Manager.'),
    ('clinical_control',
     "Manager may veto any change to the Practice's medical policies."),
    ('clinical_control',
     "The Practice shall obtain Manager's written consent before terminating any clinician."),
    ('clinical_control',
     'The Practice shall seek and obtain the approval of the Manager prior to engaging any '
     'registered nurse.'),
    ('clinical_control',
     'Manager will oversee the clinical work of all providers at the Clinic.'),
    ('clinical_control',
     'Manager shall have the authority to establish quality assurance standards for patient '
     'care.'),
    ('clinical_control',
     'Practice will not introduce any new medical procedure unless it has been cleared by '
     'Manager.'),
    ('clinical_control',
     'Manager shall dictate the dosage of neurotoxin used in each treatment.'),
    ('clinical_control',
     'Manager shall decide whether a patient is an appropriate candidate for a procedure.'),
    ('clinical_control',
     "The Company controls the selection, retention and discipline of the Practice's clinicians."),
    ('clinical_control',
     'Manager shall determine the medical equipment that the Practice uses.'),
    ('clinical_control',
     'All medical protocols must be signed off by Manager before implementation.'),
    ('clinical_control',
     'Manager may instruct clinicians regarding the performance of procedures.'),
    ('clinical_control',
     'Practice agrees that Manager may set minimum staffing levels for physicians and nurses at '
     'each site.'),
    ('clinical_control',
     "Manager has sole discretion to approve or deny the Practice's requests to hire additional "
     'providers.'),
    ('mso_owns_records',
     'Manager shall have the right to control access to, and the disclosure of, all patient '
     'medical records.'),
    ('mso_owns_records',
     "Patient photographs shall become Manager's property upon their creation."),
    ('mso_owns_records',
     'Manager shall determine the retention period for all patient charts.'),
    ('mso_owns_records',
     'Manager owns the patient database, including all patient contact information and treatment'
     ' histories.'),
]

NOT_FLAGGED = [
    "Manager shall provide the Practice with billing, collection, and scheduling services as the Practice's agent.",
    'The Practice shall retain exclusive authority over all clinical protocols, and Manager shall '
    'have no role in them.',
    'The Practice shall pay Manager a flat fee of $18,000 per month, which represents fair market value.',
    'Unpaid amounts shall accrue interest at the rate of 1% per month.',
    'Manager shall maintain the medical records as custodian for the Practice under the Business '
    'Associate Agreement.',
    'The Medical Director shall be engaged by and report exclusively to the Practice.',
    'No compensation paid to any provider shall vary with the volume of services or revenue generated.',
    'Manager shall not set or influence the number of patients a clinician sees.',
    'The rent shall escalate by 3% per annum.',
    'Manager shall recommend vendors, but Practice shall make all final decisions about the products '
    'used on patients.',
    'Manager shall have no authority to hire, fire, or supervise any licensed professional.',
    'Practice shall own all medical records; Manager may access them only to perform billing.',
    "Manager shall not interfere with the Practice's selection of products used on patients.",
    'The Practice shall determine the compensation of its clinicians, and such compensation shall not'
    ' take into account the volume of referrals.',
    'Manager shall coordinate the scheduling of patient appointments in accordance with templates '
    'approved by the Practice.',
    'Manager shall hire and supervise front desk staff, receptionists and billing personnel.',
    'Manager shall provide the Practice with monthly reports showing revenue by service line.',
    "The Practice may terminate this Agreement upon ninety days' notice.",
    'Practice shall pay Manager $95 per hour for consulting services.',
    'The Medical Director shall report to the board of directors of the Practice.',
    "Each party shall maintain insurance coverage of at least $1,000,000, and Manager's liability is "
    'capped at 100% of fees paid.',
    "Manager may recommend protocols for the Practice's consideration, which the Practice may accept "
    'or reject in its sole discretion.',
    "Manager shall process the Medical Director's stipend through payroll at Practice's direction.",
    "Manager shall keep patient records as the Practice's custodian and return them to Practice upon termination.",
    'The Medical Director is engaged by Practice and is solely accountable to Practice for clinical matters.',
    'Manager shall release patient records only upon the written instruction of the Practice.',
    'The Practice shall own all patient records, and Manager shall not use them for any purpose other'
    ' than billing.',
    'Practice shall have the exclusive right to determine the Clinical Protocols, and Manager shall '
    'implement such Clinical Protocols only as directed by Practice.',
    'Manager shall not, directly or indirectly, control, direct or supervise, or seek to control, '
    'direct or supervise, any Licensed Provider in the exercise of professional judgment.',
    'Subject to the approval of the Practice, Manager shall purchase all injectables and devices '
    'selected by the Practice.',
    'All decisions concerning the hiring, supervision and termination of Professional Personnel shall'
    ' be made exclusively by the Practice, and Manager shall have no authority with respect thereto.',
    'The Management Fee is a fixed amount and shall in no event be based on a percentage of the '
    "Practice's revenues, collections or profits.",
    'Manager shall prepare the annual operating budget, which shall be subject to the approval of the'
    ' Practice, and the Practice shall retain sole discretion over clinical expenditures.',
    "Manager's fee shall be a fixed amount of $30,000 per month, payable in advance, and shall be "
    'reviewed annually for consistency with fair market value.',
    'Practice shall reimburse Manager for its actual costs of providing the Services, plus an '
    'administrative fee of eight percent (8%) of such costs.',
    'Manager shall collect all amounts due to the Practice and deposit them in the Practice Account, '
    'which shall be owned and controlled by the Practice.',
    'The Practice shall pay Manager a late charge of five percent (5%) of any payment not received '
    'within ten days.',
    'Manager shall provide a discount of 15% off its standard marketing package.',
    'Manager shall bear 50% of the cost of any build-out of the Office.',
    'Manager shall be paid $2,500 per new location for site selection services.',
    'Manager shall have no authority to determine the course of treatment for any patient.',
    'Manager shall not direct or control the manner in which clinicians perform procedures.',
    'The Practice has the exclusive right to determine which medical equipment is used.',
    "Manager shall provide information technology support for the Practice's patient records, which "
    'remain the property of the Practice.',
    'Manager may propose new services, but the Practice shall decide in its sole discretion whether '
    'to offer them.',
    'Manager shall help the Practice recruit nurses, but all hiring decisions shall be made by the '
    'Practice.',
]


@pytest.mark.parametrize("category,text", FLAGGED)
def test_hazard_is_found_in_other_words(category, text, categories_of):
    assert category in categories_of(text)


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_compliant_wording_raises_nothing(text, categories_of):
    assert not categories_of(text)
