"""Sentence structures, not vocabulary: the same power in a different grammatical shape must be found, and
its twin where the practice holds the power (or the MSO's consent is expressly not needed) must not.

Each case is one clause whose parties are unknown ("Manager" is the MSO, "Practice"/"Doctor" the practice).
"""
import pytest

CONTROL = "clinical_control"
MD = "md_reports_to_mso"
VOLUME = "volume_pressure_comp"
RECORDS = "mso_owns_records"
FEE = "revenue_based_fee"

# (structure, category expected, flagged sentence, compliant twin)
TWINS = [
    ("consent as a condition after the verb", CONTROL,
     "Practice shall not add any nurse injector unless Manager has first consented thereto.",
     "Practice shall not add any nurse injector unless the Medical Director has first consented thereto."),
    ("fronted 'absent' condition", CONTROL,
     "Absent Manager's consent, Practice shall not change the clinical protocols.",
     "Absent Practice's consent, Manager shall not change the clinical protocols."),
    ("'until X has approved'", CONTROL,
     "Practice shall not hire additional physician assistants until Manager has approved the hire.",
     "Manager shall not hire any staff until Practice has approved the hire."),
    ("'only with X's concurrence'", CONTROL,
     "Practice may revise the treatment menu only with Manager's concurrence.",
     "Manager may revise the marketing plan only with Practice's concurrence."),
    ("'conditioned upon X's approval'", CONTROL,
     "Any change to the clinical protocols shall be conditioned upon Manager's approval.",
     "Any change to the clinical protocols shall be conditioned upon Practice's approval."),
    ("'subject to the prior review of X'", CONTROL,
     "The engagement of any nurse practitioner shall be subject to the prior review of Manager.",
     "The engagement of any nurse practitioner shall be subject to the prior review of the Medical Director."),
    ("'unless X grants a written exception'", CONTROL,
     "The clinical protocols shall bind all providers unless Manager grants a written exception.",
     "The clinical protocols shall bind all providers unless Practice grants a written exception."),
    ("MSO officer with a clinical title", CONTROL,
     "Doctor's clinical staff shall be subject to the direction and supervision of Manager's Regional Clinical "
     "Director.",
     "Practice's Regional Clinical Director shall supervise all nurse injectors."),
    ("MSO officer as passive agent", CONTROL,
     "All nurse injectors shall be supervised by Manager's VP of Clinical Operations.",
     "Manager's VP of Operations shall supervise the front desk staff."),
    ("ranking bonus: top quartile", VOLUME,
     "Each quarter, the injector ranking in the top quartile by units administered shall receive a bonus of $2,000.",
     "No clinician shall be ranked or paid by the number of units administered."),
    ("ranking bonus: highest-producing", VOLUME,
     "The highest-producing injector at each location shall receive a $1,000 bonus each month.",
     "Each injector shall receive a fixed monthly salary set by Practice."),
    ("competition: leaderboard", VOLUME,
     "Manager shall post a monthly leaderboard of injectors, and the nurse injector at the top of the leaderboard "
     "shall receive a bonus.",
     "Manager shall rank its marketing vendors by leads generated."),
    ("bonus to a doctor who is the practice party", VOLUME,
     "Manager shall pay Doctor a production bonus equal to eight percent (8%) of collections from procedures "
     "personally performed by Doctor.",
     "Manager shall pay Doctor a fixed fee of $10,000 per month."),
    ("records back only by purchase", RECORDS,
     "Upon termination, Practice may obtain copies of the patient records only by purchasing them from Manager.",
     "Upon termination, Manager shall deliver the patient records to Practice at no charge."),
    ("records back only against a fee", RECORDS,
     "Practice may retrieve the medical records upon payment to Manager of a retrieval fee of $50,000.",
     "Practice owns the medical records and may retrieve them at any time without charge."),
    ("MSO engages a replacement", MD,
     "If the Medical Director resigns, Manager shall engage a replacement within thirty days, and Practice shall "
     "accept the replacement so engaged.",
     "If the Medical Director resigns, Practice shall engage a replacement within thirty days."),
    ("hiring gated on the MSO's budget", CONTROL,
     "No clinician shall be hired unless included in the Budget adopted by Manager.",
     "No clinician shall be hired unless included in the Budget adopted by Practice."),
    ("hiring gated on a Budget the MSO adopts in another sentence", CONTROL,
     "The Annual Budget shall become effective upon its adoption by Manager. Practice shall not hire any additional "
     "physician or nurse unless the cost thereof is provided for in the Annual Budget as so adopted.",
     "The Annual Budget shall become effective upon its adoption by Practice. Practice shall not hire any additional "
     "physician or nurse unless the cost thereof is provided for in the Annual Budget as so adopted."),
    ("Budget gate that is not a gate", CONTROL,
     "Manager shall adopt the Annual Budget each year. Practice shall not engage any nurse practitioner unless the "
     "position is included in the Annual Budget.",
     "The Annual Budget shall become effective upon its adoption by Manager. Practice may hire any physician or "
     "nurse, whether or not the cost thereof is provided for in the Annual Budget."),
    ("relative clause", CONTROL,
     "The clinical protocols, which Manager shall approve, shall govern all treatments.",
     "The clinical protocols, which Practice shall approve, shall govern all treatments."),
    ("fronted condition with the MSO as actor", CONTROL,
     "If Manager objects to any Clinical Personnel, Practice shall remove such person from the schedule.",
     "If Practice objects to any Manager employee, Manager shall remove such person from the premises."),
    ("'should X disapprove'", CONTROL,
     "Should Manager disapprove of any nurse injector, Practice shall terminate such nurse injector.",
     "Should Practice disapprove of any nurse injector, Practice may terminate such nurse injector."),
    ("comply with the MSO's directions on clinical matters", CONTROL,
     "Practice shall comply with all directions of Manager regarding the treatment of patients.",
     "Practice shall comply with all directions of Manager regarding the billing of patients."),
    ("MSO's determination final", CONTROL,
     "Manager's determination as to the appropriate treatment protocols shall be final.",
     "The Medical Director's determination as to the appropriate treatment protocols shall be final."),
    ("dispute resolved by the MSO", CONTROL,
     "Any dispute regarding the treatment menu shall be resolved by Manager, whose decision shall be final.",
     "Any dispute regarding the treatment menu shall be resolved by the Medical Director, whose decision shall be "
     "final."),
    ("the MSO's power is the third item of a list", CONTROL,
     "Manager shall (a) collect receivables, (b) maintain the books and (c) determine the staffing levels of "
     "clinical personnel.",
     "Manager shall (a) collect receivables, (b) maintain the books and (c) purchase the supplies selected by "
     "Practice."),
    ("the other party set aside: ', and not X,'", CONTROL,
     "Manager, and not Practice, shall select the injectables used on patients.",
     "Practice, and not Manager, shall select the injectables used on patients."),
    ("'in consultation with' names an adviser, not a co-decider", CONTROL,
     "Manager, in consultation with Practice, shall determine the treatment menu.",
     "Practice, in consultation with Manager, shall determine the treatment menu."),
    ("an aside between the verb and its object", CONTROL,
     "Manager shall determine, in consultation with the Medical Director, which procedures will be offered.",
     "Practice shall determine, in consultation with Manager, which procedures will be offered."),
    ("submitted to the MSO for approval", CONTROL,
     "Practice shall submit all clinical protocols to Manager for approval.",
     "Practice shall submit its marketing plan to Manager for approval."),
    ("'without any approval of X' is a freedom", CONTROL,
     "Practice shall not hire nurse injectors without the approval of Manager.",
     "Practice may hire nurse injectors without any approval of Manager."),
    ("proviso vetoes a back-reference to the hire", CONTROL,
     "Practice may hire physician assistants, provided that Manager has approved each such hire.",
     "Practice may hire physician assistants, provided that the Medical Director has approved each such hire."),
    ("proviso vetoes a pronoun", CONTROL,
     "Practice may engage nurse injectors, provided that Manager has approved them in writing.",
     "Manager may engage receptionists, provided that Practice has approved them in writing."),
    ("proviso consent to a back-reference", CONTROL,
     "Practice may engage nurse injectors, provided that Manager consents to each such engagement.",
     "Manager may engage receptionists, provided that Practice consents to each such engagement."),
    ("'provided, however' vetoes a nominalized back-reference", CONTROL,
     "Practice may retain physician assistants; provided, however, that Manager shall approve each such retention.",
     "Practice may retain physician assistants; provided, however, that Practice shall approve each such retention."),
    ("fronted temporal clause holds the object", CONTROL,
     "Before Practice hires any PA, Manager must approve the hire.",
     "Before Practice hires any PA, the Medical Director must approve the hire."),
    ("directions regarding patient care", CONTROL,
     "Practice shall comply with Manager's directions regarding patient care.",
     "Practice shall comply with Manager's directions regarding billing and collections."),
    ("MSO's determination of a clinical dispute final", CONTROL,
     "Manager's determination on any clinical dispute shall be final.",
     "Manager's determination on any billing dispute shall be final."),
    ("relative clause with a time adverb", CONTROL,
     "The treatment protocols, which Manager shall approve annually, shall govern all procedures.",
     "The treatment protocols, which Practice shall approve annually, shall govern all procedures."),
    ("fronted objection with 'promptly remove'", CONTROL,
     "If Manager objects to any Clinical Personnel, Practice shall promptly remove such person.",
     "If Practice objects to any Manager employee, Manager shall promptly remove such person."),
    ("passive agent does not reach a new clause", CONTROL,
     "The nurse injectors employed by Manager shall be supervised by Manager.",
     "The retail sales associates employed by Manager may receive commissions on the sale of skincare products, "
     "and no Licensed Professional shall receive any such commission."),
    ("a new clause with two subjects ends the MSO's power", CONTROL,
     "Manager shall determine the staffing of the front desk, and shall approve the protocols for patient care.",
     "Manager shall determine the staffing of the front desk, and Practice and the Practitioners shall have "
     "sole authority over patient care."),
    ("the medical director delivers a quality report to the MSO, named before the report", MD,
     "The Medical Director shall deliver to Manager a monthly clinical quality report for each Clinic.",
     "The Medical Director shall deliver to Practice a monthly clinical quality report for each Clinic."),
    ("the medical director meets the MSO's officer to go over chart audits", MD,
     "The Medical Director shall meet monthly with Manager's Regional Director of Operations to go over chart audit "
     "results and patient complaints.",
     "The Medical Director shall meet monthly with Practice's board to go over chart audit results and patient "
     "complaints."),
    ("the practice's approval of statements about clinicians is not the MSO's object", CONTROL,
     "Manager shall develop advertising for the Clinic and select the Licensed Personnel featured in it.",
     "Manager shall develop advertising for the Clinic, subject to Practice's review and approval of any statement "
     "concerning the qualifications of Licensed Personnel."),
    ("a deemed approval of 'the proposal' named in the sentence before", CONTROL,
     "Practice shall submit to Manager any proposed new treatment thirty days before implementation. If Manager does "
     "not object within that period, the proposal shall be deemed approved.",
     "Practice shall submit to Manager any proposed new treatment thirty days before implementation. If the Medical "
     "Director does not object within that period, the proposal shall be deemed approved."),
    ("'except upon approval by X' under a negation", CONTROL,
     "No clinical product or device shall be ordered except upon approval by Manager.",
     "No clinical product or device shall be ordered except upon approval by the Medical Director."),
    ("rules named with their owner after them", CONTROL,
     "Appointment lengths for each treatment shall be as set forth in the scheduling standards issued by Manager.",
     "Appointment lengths for each treatment shall be as set forth in the scheduling standards issued by Practice."),
    ("a power verb leading a list of items", CONTROL,
     "Manager shall have authority to review and approve: (a) the annual budget; (b) the treatment menu; and (c) "
     "the opening of new locations.",
     "Practice shall have authority to review and approve: (a) the annual budget; (b) the treatment menu; and (c) "
     "the opening of new locations."),
    ("a list of duties: each item has its own object", CONTROL,
     "Manager shall provide the premises, hire and supervise the nurse injectors, and run the website.",
     "Manager shall hire and manage the receptionists and billing staff, run the website, and pay the Practice "
     "Expenses, including the salaries of the nurse injectors, out of the Practice Account."),
    ("pay that rises as revenue rises; a reservation that lists volume and pay as separate items", VOLUME,
     "Practice shall pay each nurse injector a commission whose rate rises as the monthly service revenue of that "
     "injector increases.",
     "Practice shall have exclusive control over the drugs and devices used, the volume and scheduling of clinical "
     "work, and the employment, supervision, compensation and discipline of all nurses."),
    # session 7
    ("a later part of the sentence names the earlier object again ('those forms')", CONTROL,
     "Practice shall use the consent forms that Manager prints; no change to those forms shall take effect without Manager's approval.",
     "Practice shall use the consent forms it adopts; Manager shall print those forms at Practice's request."),
    ("the practice's own protocols put to the MSO's approval", CONTROL,
     'All treatment protocols adopted by Practice shall be submitted to Manager for approval before use.',
     'All treatment protocols adopted by Practice shall be made available to Manager for the training of front-desk staff.'),
    ("clinical hours the practice establishes (a relative clause without 'that')", CONTROL,
     'Manager shall manage the opening of the premises and the clinical hours.',
     'Manager shall manage the opening of the premises during the clinical hours Practice establishes.'),
    ('a service list whose lead cites a numbered section', CONTROL,
     'Manager shall provide the following services, subject to Section 4.2: (i) billing; (ii) selection of the treatments offered at each location.',
     'Manager shall provide the following services, subject to Section 4.2: (i) billing; (ii) marketing of the treatments offered at each location.'),
    ("the MSO's assessment of the medical director", MD,
     "The Medical Director's bonus shall depend on Manager's assessment of the Medical Director's performance.",
     "The Medical Director's bonus shall depend on Practice's assessment of the Medical Director's performance."),
    ('clinical photographs used by the MSO in its advertising', RECORDS,
     'Before-and-after photographs of patients may be used by Manager in its advertising at its discretion.',
     'Before-and-after photographs of patients may be used by Practice in its advertising at its discretion.'),
    ('the MSO keeps the records and the practice is entitled to copies', RECORDS,
     'Upon termination Manager shall retain the patient records, with Practice entitled to copies upon payment of a copying fee.',
     'Upon termination Manager shall deliver the patient records to Practice.'),
    ('a definition that excludes the clinical standards', CONTROL,
     '"Operating Standards" means the standards adopted by Manager for treatment protocols and front-desk service.',
     '"Operating Standards" means the standards adopted by Manager for front-desk service, and excludes any standard governing treatment protocols or prescribing.'),
    ("a back-reference that only conforms to the practice's decision", CONTROL,
     'Practice shall propose the clinical hours, and Manager shall decide those hours.',
     'Practice shall decide the clinical hours, and Manager shall adjust the booking calendar to match those hours.'),
    ('a treatment quota against a staffing minimum', VOLUME,
     'Each nurse injector shall perform no fewer than forty treatments per week.',
     'Practice shall schedule no fewer than four (4) nurse injectors on each Saturday.'),
    ("a negation that reaches past 'or' before a capitalised noun", VOLUME,
     'Practice shall pay each nurse a bonus based on the number of syringes used or Procedures performed.',
     "Practice shall set the nurses' pay, which shall not depend on the number of syringes used or Procedures performed."),
    ("data that describes a subcontractor is not the verb's object", RECORDS,
     'Manager shall own all protected health information.',
     'Manager shall require each subcontractor that handles protected health information to sign a business associate agreement.'),
    ('a list that calls itself non-clinical', CONTROL,
     '"Brand Manual" means the manual of decor, greeting scripts and treatment protocols that Manager keeps, as Manager may update it.',
     '"Brand Manual" means the manual of decor, greeting scripts and other non-clinical elements of the brand that Manager keeps, as Manager may update it.'),
    ('licensing software is not licensing records', RECORDS,
     'Manager may license the clinical photographs to its affiliates.',
     "Manager shall license, in Practice's name, an electronic health record system and an image system for clinical photographs."),
    ('who treats which patient', CONTROL,
     'Manager shall decide which nurse injector will treat each patient.',
     'Practice shall decide which nurse injector will treat each patient, and Manager shall book the appointment.'),
    ("'grounds for Manager to require': the subject of the infinitive acts", CONTROL,
     'Two failed chart audits shall be grounds for Manager to require that the nurse injector be removed from the schedule.',
     'Two failed chart audits shall be grounds for Practice to require that the nurse injector be removed from the schedule.'),
    ('one provider, not a tally by provider', CONTROL,
     'Manager may place any provider whose complication rate exceeds its benchmark on a corrective action plan.',
     "Manager shall prepare reports of appointment counts by provider for Practice's internal use only."),
    ("records named once and then released as 'them'", RECORDS,
     'Manager shall store all patient charts on its own servers and shall decide on any request to release them.',
     'Manager shall store all patient charts on its servers, and Practice shall decide on any request to release them.'),
    ("bare 'records' after the charts, kept or deleted on the MSO's own schedule", RECORDS,
     'All patient charts belong to Practice, and Manager may archive or delete records under its own retention schedule.',
     'All patient charts belong to Practice, and Manager shall destroy records only upon the written direction of Practice.'),
    ('a later verb of the subject, with no negation of its own', CONTROL,
     'Manager shall not charge interest on late payments, and shall determine the clinical protocols.',
     'Manager shall not charge interest on late payments, and shall not determine the clinical protocols.'),
    ('the services listed in a schedule, except as the MSO may approve', CONTROL,
     'Practice shall offer only the aesthetic services listed in Schedule 2, except as Manager may approve in writing.',
     "Practice shall offer only the aesthetic services listed in Schedule 2, except as Practice's Medical Director may approve in writing."),
    ("'such products' named again before the MSO's approval", CONTROL,
     "Practice shall select the fillers and other products used on patients, except that Practice shall buy such products only from Manager's list and shall not substitute another product unless Manager approves the substitution.",
     "Practice shall select the fillers and other products used on patients, except that Practice shall buy such products only from Manager's list and shall not substitute another product unless Practice's Medical Director approves the substitution."),
    ("'save that' is no relative clause", RECORDS,
     'Practice shall keep its medical records, save that Manager shall own all clinical photographs.',
     'Practice owns its medical records and patient data, save that Manager shall own its own financial statements.'),
    ('return or, if the practice so directs, destroy', RECORDS,
     'Upon termination Manager shall keep and may destroy all patient records.',
     'Upon termination Manager shall return all patient records to Practice or, if Practice so directs in writing, destroy them.'),
    ("'without notice to or approval of': a freedom when nothing is negated", CONTROL,
     'Practice shall not add any physician assistant without notice to and approval of Manager.',
     'Practice may add any physician assistant without notice to or approval of Manager.'),
    ("recusing oneself from the MSO's decisions", MD,
     'The Medical Director shall follow each decision of Manager on clinical matters.',
     'If the Medical Director also holds a position with Manager, she shall recuse herself from any decision of Manager concerning this Agreement.'),
    ('a change the MSO requests but the medical director approves', CONTROL,
     "Manager may change any clinician's appointment length for operational reasons.",
     "Manager may not alter any clinician's appointment length, and any change requested by Manager shall take effect only if Practice's Medical Director agrees in writing."),
    ('a chart-audit sample is not a quota', VOLUME,
     'Each injector shall perform not fewer than ten treatments per day.',
     'The Medical Director shall conduct chart audits of not fewer than ten percent (10%) of the treatments performed each quarter.'),
    ('clinical photographs licensed to the MSO', RECORDS,
     'All clinical photographs taken at the Spa shall be licensed to Manager for use in its advertising.',
     'Manager shall support the electronic health record software licensed to Practice.'),
    ('the balance of receipts after the draw, in a sentence that opened with a negation', FEE,
     "No portion of the practice's receipts shall be kept by Practice except the Physician Draw, and the balance of all receipts shall be paid to Manager as its management fee.",
     "No portion of the practice's receipts shall be paid to Manager, and the balance of all receipts shall remain in the Practice Account."),
    ("records released only on the practice's instruction", RECORDS,
     'Manager shall keep the patient records and may release, transfer or destroy records under its own policies.',
     "Manager shall keep the patient records as custodian and shall release, transfer or destroy records only on Practice's written instruction."),
    ('a suspension that lasts until the MSO certifies', CONTROL,
     'Practice shall suspend the nurse injector from injectable treatments until Manager certifies that the retraining is complete.',
     "Practice shall suspend the nurse injector from injectable treatments until Practice's Medical Director certifies that the retraining is complete."),
    ('the practice reaches its records only by paying the MSO', RECORDS,
     "Upon termination Manager shall retain the patient medical records, and Practice shall have access to such records only upon payment of Manager's retrieval charges.",
     'Upon termination Manager shall deliver the patient medical records to Practice without charge.'),
    ('a count of supervised training treatments is not a quota', VOLUME,
     'Each nurse injector shall perform not fewer than ten (10) treatments per day.',
     'The trainer shall observe each new nurse injector performing not fewer than ten (10) supervised treatments.'),
    ('a council whose MSO-appointed chair casts the deciding vote', CONTROL,
     'The Clinical Council, whose chair shall be appointed by Manager and shall cast the deciding vote, shall approve every new aesthetic procedure.',
     'The Clinical Council, whose chair shall be appointed by Practice and shall cast the deciding vote, shall approve every new aesthetic procedure.'),
    ("'any change' names the earlier act again", CONTROL,
     'Neither party shall change the formulary of prescription products on its own; any change shall be made only by mutual written agreement of Manager and Practice.',
     'Practice shall change the formulary of prescription products as it sees fit; any change shall be reported to Manager for billing.'),
    ("'regardless of' ends the price-setting verb's object", CONTROL,
     'Manager shall set the retail price of each membership package and the number of units of neurotoxin given to each patient.',
     'Manager shall set the retail price of each membership package regardless of the number of units administered, and the number of units given to each patient shall be determined by the treating clinician of Practice.'),
    ('a comma relative describes the body already named (a compliance committee that reviews oversight)', CONTROL,
     "The Parties shall establish a joint committee to review and approve Practice's clinical protocols.",
     "The Parties shall establish a joint compliance committee, which shall meet twice a year to review the structure of their relationship and the adequacy of Practice's clinical oversight."),
    ('spending on clinical supplies capped by a budget the MSO approves', CONTROL,
     'The Operating Budget shall be approved by Manager, and Practice shall not incur any expenditure for clinical supplies in excess of the Operating Budget.',
     'The Operating Budget shall be approved by Practice, and Practice shall not incur any expenditure for clinical supplies in excess of the Operating Budget.'),
    ('advice the practice may reject is no control', CONTROL,
     'Group shall adopt every change to the treatment protocols recommended by Manager.',
     'Group shall consider in good faith any change to the treatment protocols recommended by Manager, and may reject it.'),
    ("a fronted 'for the nurse injectors,' names whose pay the verb sets", CONTROL,
     'Manager shall, for the nurse injectors of Practice, set the hourly rates and annual merit increases.',
     'Manager shall, for the nurse injectors of Practice, prepare the payroll tax filings.'),
    ("the practice bound to carry out the MSO's recommendations or determinations", CONTROL,
     "Practice shall promptly implement Manager's recommendations regarding the treatment protocols.",
     "Practice may implement Manager's recommendations regarding the treatment protocols if its Medical Director agrees."),
    ("recommendations of the MSO the practice must implement, named by the MSO's report", CONTROL,
     "Practice shall implement the staffing recommendations contained in each Operations Assessment prepared by Manager, including reductions in the number of nurse practitioners.",
     "Practice shall consider the staffing recommendations contained in each Operations Assessment prepared by Manager, including reductions in the number of nurse practitioners."),
    ("a recommendation that the same sentence makes binding ('each such recommendation')", CONTROL,
     "Manager may recommend changes to the treatment protocols, and Practice shall implement each such recommendation within thirty (30) days.",
     "Manager may recommend changes to the treatment protocols, and Practice may implement any such recommendation that its Medical Director accepts."),
    ("a term the clause defines to take in clinical things, under the MSO's final authority", CONTROL,
     '"Business Matters" means budgets, vendor selection and the treatment protocols used at the Centers. Manager shall have final authority over all Business Matters.',
     '"Business Matters" means budgets and vendor selection, other than the treatment protocols used at the Centers. Manager shall have final authority over all Business Matters.'),
    ("publishing what the practice adopted spreads it; it does not write it", CONTROL,
     "Manager shall write the clinical protocols and publish them.",
     "Practice shall adopt the clinical protocols, and Manager shall publish them."),
    ("a definition that excludes clinical decisions, then spells them out, takes none of them in", CONTROL,
     '"Operational Decisions" means decisions on leases and advertising and the treatment protocols used at the Centers. Manager shall have final authority over Operational Decisions.',
     '"Operational Decisions" means decisions on leases and advertising, but excludes every Clinical Decision, including the treatment protocols used at the Centers. Manager shall have final authority over Operational Decisions.'),
    ("the MSO suspending the use of a product decides over it", CONTROL,
     "Manager may suspend the use of any neurotoxin or laser device at the Center upon written notice to Practice.",
     "Practice may suspend the use of any neurotoxin or laser device at the Center upon written notice to Manager."),
    ("a fronted 'except as the MSO may otherwise permit' is a veto", CONTROL,
     "Except as Manager may otherwise permit in writing, Practice shall not offer any treatment not on the service menu.",
     "Except as its Medical Director may otherwise permit in writing, Practice shall not offer any treatment not on the service menu."),
    ("a decision named as one of the MSO's services", CONTROL,
     "Manager shall provide the services set forth in Exhibit C, which include the maintenance of the Premises and the selection of the injectable brands to be used by Practice's clinicians.",
     "Manager shall provide the services set forth in Exhibit C, which include the maintenance of the Premises and the purchasing of the injectable brands selected by Practice's clinicians."),
    ("an exhibit list of vendors for clinical products that the MSO keeps", CONTROL,
     "Practice shall purchase all neurotoxins used in treating patients exclusively from the vendors listed in Exhibit G, which list Manager shall maintain and may modify.",
     "Practice shall purchase all neurotoxins used in treating patients exclusively from the vendors listed in Exhibit G, which list Practice shall maintain and may modify."),
]


@pytest.mark.parametrize("structure, category, flagged, compliant", TWINS, ids=[t[0] for t in TWINS])
def test_structure_is_flagged(structure, category, flagged, compliant, categories_of):
    assert category in categories_of(flagged)


@pytest.mark.parametrize("structure, category, flagged, compliant", TWINS, ids=[t[0] for t in TWINS])
def test_twin_is_not_flagged(structure, category, flagged, compliant, categories_of):
    assert categories_of(compliant) == set()


def test_mso_consent_expressly_not_needed():
    from msa_toolkit.analysis import analyze, clause_document

    text = "Practice may add nurse injectors without Manager having consented thereto."
    assert not analyze(clause_document(text)).findings


def test_officer_of_mso_is_not_the_practice_medical_director(categories_of):
    # the MSO's own "Regional Clinical Director" acts for the MSO: clinical control, not an MD reporting line
    cats = categories_of("All nurse practitioners shall be supervised by Manager's Regional Clinical Director.")
    assert CONTROL in cats and MD not in cats


def test_proviso_about_something_else_is_not_a_veto(categories_of):
    # the proviso's object ("the terms of the severance", "the salary") is not the clinician hired before it
    assert categories_of("Practice may terminate nurses, provided that Manager approves the terms of the severance.") == set()
    assert categories_of("Practice may hire nurses, provided that Manager approves the salary.") == set()
    assert categories_of("Practice may engage nurse injectors, provided that Manager consents to the terms of the "
                         "lease.") == set()
    assert categories_of("Practice shall hire nurses, provided that Manager agrees to fund the positions.") == set()


def test_state_abbreviation_pa_is_not_a_physician_assistant(categories_of):
    assert categories_of("Manager shall maintain an office in Pittsburgh, PA 15222.") == set()
