"""Unseen wordings: synonyms, British spellings, medspa treatment names and clinician titles.

Each flagged sentence uses words the vocabularies gained in the breadth pass (green-light, countersign,
standardise, reprimand, Dysport, client records, turnover, support fee, KPIs ...); each compliant twin
uses the same words where the practice holds the power, a negation keeps the MSO out, or the words
are business matters, so broader vocabulary does not cost precision.
"""
import pytest

from msa_toolkit.analysis import analyze_text

FLAGGED = [
    ("clinical_control", "Manager shall green-light any change to the laser settings used by Practice."),
    ("clinical_control", "The MSO shall standardise the microneedling and chemical peel protocols across all locations."),
    ("clinical_control", "Manager may reprimand or furlough any RN or NP working at the Clinic."),
    ("clinical_control", "Manager shall select the brand of Dysport and hyaluronic acid fillers used on patients."),
    ("clinical_control", "Manager shall determine which GLP-1 medications, including Ozempic and Wegovy, Practice may prescribe."),
    ("clinical_control", "Manager shall have the final word on the plan of care for each patient."),
    ("clinical_control", "Manager shall countersign every delegation agreement between the Medical Director and the nurse injectors."),
    ("clinical_control", "Manager will put together the testosterone dosing ranges and the lab panels for the Clinic."),
    ("clinical_control", "Practice shall purchase all peel products dispensed or applied to patients exclusively from "
                         "Glow Supply LLC, an affiliate of Manager."),
    ("volume_pressure_comp", "Each nurse injector employed by Practice shall receive a commission of ten percent (10%) "
                             "of the fees collected for the treatments that he or she performs."),
    ("revenue_based_fee", "Manager shall deposit all collections into Practice's account and shall be paid, as its sole "
                          "compensation, nine percent (9%) of the amounts so deposited."),
    ("clinical_control", "Manager may place any nurse injector whose complication rate exceeds its benchmark on a "
                         "corrective action plan."),
    ("mso_owns_records", "Manager shall retain sole ownership of all client records and clinical photography."),
    ("mso_owns_records", "Manager may keep a complete copy of the Medical Records and may use that copy for any "
                         "lawful purpose, including its own analytics."),
    ("mso_owns_records", "Manager's Privacy Officer shall have final authority over any request by a patient of "
                         "Practice to inspect or obtain a copy of his or her records."),
    ("revenue_based_fee", "Practice shall pay Manager a management charge equal to twelve percent of turnover."),
    ("revenue_based_fee", "Practice shall pay Manager a support fee equal to 10% of net earnings."),
    ("revenue_based_fee", "After the Practice Account has paid the Practice Expenses each month, whatever is left in it "
                          "will be transferred to Manager as its management fee."),
    ("volume_pressure_comp", "Each nurse injector shall receive a commission of $5 per unit of Botox sold."),
    ("volume_pressure_comp", "Practice shall pay each nurse injector a bonus of $500 for each month in which she meets or "
                             "exceeds the target set by Manager."),
]

COMPLIANT = [
    "Manager may place any front desk employee on a corrective action plan.",
    "Manager shall handle any request by a patient to obtain a copy of his or her records as Practice directs.",
    "Manager may keep a copy of the patient records as required by law.",
    "Manager may pay its billing specialists, who are non-clinical employees of Manager, a bonus of one percent (1%) "
    "of Manager's own annual revenue.",
    "Manager shall implement safeguards for protected health information that it creates, receives, maintains or "
    "transmits on behalf of Practice.",
    "Practice shall purchase all peel products dispensed or applied to patients exclusively from the distributor its "
    "Medical Director selects.",
    "Manager shall set the staffing levels of the front desk and the billing office; Practice shall set all "
    "clinical staffing levels.",
    "Practice shall pay the Medical Director a fixed monthly stipend, set at fair market value and without regard to "
    "the volume or value of services performed.",
    "Whatever is left in the marketing budget at year end will be returned to Practice.",
    "Manager will put together the marketing calendar, and Practice will put together the testosterone dosing ranges.",
    "Practice shall green-light any change to the laser settings used by its clinicians.",
    "Manager shall in no way direct the selection of Dysport or hyaluronic acid fillers used on patients.",
    "Manager is not permitted to approve or alter clinical protocols, including microneedling protocols.",
    "Manager shall purchase the IPL device selected by the Medical Director and maintain the service contract.",
    "All client records and clinical photography are the sole property of Practice.",
    "Manager shall process payroll for the RNs and NPs employed by Practice as directed by Practice.",
    "Practice shall pay Manager a fixed monthly fee of $25,000, which shall not vary with turnover.",
    "Each nurse injector shall receive a fixed hourly wage that does not depend on units of Botox sold.",
    "Manager shall answer phones and route clinical questions to Practice's nursing staff.",
    "Manager shall sanction late-paying vendors under the accounts payable policy.",
    "Practice shall pay each nurse injector a bonus of $500 for each quarter in which she meets the target for patient "
    "satisfaction.",
]


def _categories(text):
    return {f.category for f in analyze_text(text).findings if f.clause_id is not None}


@pytest.mark.parametrize("category,text", FLAGGED)
def test_new_wording_is_flagged(category, text):
    assert category in _categories(text)


@pytest.mark.parametrize("text", COMPLIANT)
def test_twin_with_the_same_words_is_clean(text):
    assert _categories(text) == set()
