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
    ("a budget the MSO adopts that sets out, in a relative, how many clinicians are retained", CONTROL,
     'MSO shall prepare and adopt the operating and capital budget of the Centers for the following year (the "Budget"), which shall set forth the number of physicians to be retained.',
     'MSO shall prepare and adopt the operating and capital budget of the Centers for the following year (the "Budget"), which shall set forth the number of front-desk coordinators to be retained.'),
    ("pay and volume as separate items of a list are not pay tied to volume", VOLUME,
     'Practice shall pay each nurse injector a bonus based on the number of patients scheduled for that injector.',
     '"Clinical Matters" means the treatment of patients, the hiring, discipline, compensation and termination of nurse injectors, the length of appointments and the number of patients scheduled for any nurse injector.'),
    ("'unless the MSO agrees otherwise' after 'without modification': the MSO alone may allow a change", CONTROL,
     "Practice shall use the template consent forms without modification unless Manager agrees otherwise.",
     "Practice shall use the template consent forms without modification unless its Medical Director decides otherwise."),
    ("a decision listed among the services a relative clause gives the MSO", CONTROL,
     "Manager shall provide the services set forth in Exhibit C, which include the recruitment and onboarding of non-clinical staff, the maintenance of the Premises and the selection of the injectable brands used by Practice's clinicians.",
     "Practice shall perform the services set forth in Exhibit C, which include the recruitment and onboarding of its clinicians, the maintenance of its charts and the selection of the injectable brands used by its clinicians."),
    ("the MSO certifying each clinician before the clinician may treat", CONTROL,
     "Manager shall certify each nurse injector before the injector may treat patients of Practice.",
     "Manager shall certify to Practice that each nurse injector on the payroll has been paid."),
    ("the party that breaks a deadlock decides what the body decides", MD,
     "The Medical Director's annual performance review shall be conducted by a panel of one representative of Manager and one of Practice, and if the panel cannot agree, Manager's representative shall decide.",
     "The Medical Director's annual performance review shall be conducted by a panel of one representative of Manager and one of Practice, and if the panel cannot agree, Practice's representative shall decide."),
    ("a list the practice's decision closes is the practice's", CONTROL,
     "Manager shall determine the visit lengths, provider schedules and staffing levels of the Clinic.",
     "Manager shall book appointments in accordance with the visit lengths, provider schedules and staffing levels determined by Practice."),
    ("who may sit on a committee is no clinician the MSO hires", CONTROL,
     "The Operating Committee shall consist of two members appointed by Manager, and Manager shall appoint the physicians of the Clinic.",
     "The Operating Committee shall consist of two members appointed by Practice, at least one of whom shall be a physician, and two members appointed by Manager."),
    ("the MSO's systems holding records do not make it their owner", RECORDS,
     "The patient records shall be the exclusive property of Manager, whether stored on paper or electronically.",
     "The patient records shall be the exclusive property of Practice, whether stored on paper or on systems owned or licensed by Manager."),
    ("a 'that is not' inside the subject's relative does not negate the main verb", CONTROL,
     "Any product to be used on patients that is not on the Formulary shall be approved by Manager before it is ordered.",
     "Any product to be used on patients that is not on the Formulary shall be approved by Practice's Medical Director before Manager orders it."),
    ("the MSO deploying clinicians among the locations", CONTROL,
     "Manager shall deploy Practice's nurse practitioners and nurse injectors among the Locations according to patient demand.",
     "Practice shall deploy its nurse practitioners and nurse injectors among the Locations, and Manager shall update the booking system."),
    ("a debt the practice must settle first is no residual fee", FEE,
     "Manager shall be entitled to all amounts collected by Practice in excess of Practice Expenses.",
     "Manager may withhold copies of its invoices until all amounts due to Manager have been paid in full."),
    ("a use of photographs allowed only where the practice approves", RECORDS,
     "Manager may use before-and-after photographs of patients in its marketing at its discretion.",
     "Manager may use before-and-after photographs of patients in its marketing only where Practice has approved the use of the specific photograph."),
    ("a gate the MSO clears after finishing its own review ('has completed its assessment and approved')", CONTROL,
     "Until Manager has completed its market assessment and approved the business case, Practice shall not offer any new treatment.",
     "Until Practice's Medical Director has completed her review and approved the protocol, Practice shall not offer any new treatment."),
    ("a recommendation the MSO may withhold, named after an aside", CONTROL,
     "No physician shall be engaged by Practice unless the candidate has been interviewed by, and received a favorable recommendation from, Manager's Vice President.",
     "No physician shall be engaged by Practice unless the candidate has been interviewed by, and received a favorable recommendation from, Practice's Medical Director."),
    ("the MSO entitled to keep the records after termination", RECORDS,
     "Upon termination Manager shall be entitled to retain the electronic health records of Practice's patients.",
     "Upon termination Practice shall be entitled to retain the electronic health records, and Manager shall deliver them to Practice."),
    ("directives the practice must follow, issued at meetings by the MSO's officer", CONTROL,
     "Practice shall follow the directives issued at such meetings by Manager's National Medical Officer regarding the treatment protocols.",
     "Practice shall consider the directives issued at such meetings by Manager's National Medical Officer regarding the treatment protocols."),
    ("a committee 'a majority of whose members' the MSO appoints acts with the MSO", CONTROL,
     "Practice shall not introduce any injectable unless approved by the Product Review Committee, a majority of whose members shall be appointed by Manager.",
     "Practice shall not introduce any injectable unless approved by the Product Review Committee, a majority of whose members shall be appointed by Practice."),
    ("a deadlock the MSO breaks, in the sentence after the body's powers", CONTROL,
     "The Committee shall determine the menu of treatments offered at each Spa. If the Committee is deadlocked on any such matter, Manager shall cast the deciding vote.",
     "The Committee shall determine the menu of treatments offered at each Spa. If the Committee is deadlocked on the marketing calendar, Manager shall cast the deciding vote."),
    ("the member the MSO designates as chair breaks the tie", CONTROL,
     "The Committee shall approve any new treatment, and if the Committee is deadlocked, the member designated by Manager as chair of the Committee shall cast the deciding vote.",
     "The Committee shall approve any new treatment, and if the Committee is deadlocked, the member designated by Practice as chair of the Committee shall cast the deciding vote."),
    ("the MSO's officer named again as 'such Vice President'", MD,
     "The Medical Director shall meet monthly with Manager's Regional Vice President of Operations, and such Regional Vice President shall complete the Medical Director's annual performance evaluation.",
     "The Medical Director shall meet monthly with Manager's Regional Vice President of Operations, and such Regional Vice President shall prepare the agenda for the meeting."),
    ("products the practice may 'use on patients' only from the MSO's list", CONTROL,
     "Practice shall use on patients only the products on Manager's approved product list.",
     "Practice shall use on patients only the products on the list approved by Practice's Medical Director."),
    ("collections banked into the practice's account are no sweep", FEE,
     "Manager shall deposit all amounts collected into the Practice Operating Account and, after paying the Practice Expenses, transfer the remainder to itself as its fee.",
     "Manager shall, as agent of Practice, collect payment for services rendered at the Center and deposit all amounts collected in the Practice Operating Account."),
    ("a negated lead governs every item of its list", VOLUME,
     "Manager shall (a) maintain the equipment; and (b) set a production goal of 20 treatments per day for each nurse injector.",
     "Manager shall not (a) practice medicine; (b) set any production goal or patient quota for any nurse injector; or (c) hold itself out as a provider."),
    ("an approval the party submits for is the addressee's", CONTROL,
     "Practice shall submit to Manager, for its approval, any new injectable to be used on patients.",
     "Manager shall submit to the Medical Director, for approval, any advertisement that makes a claim about the results of any injectable."),
    ("treatment durations the MSO configures into the booking system", CONTROL,
     "The standard treatment durations configured by Manager in the Scheduling System shall apply to all Licensed Professionals of Practice.",
     "Manager shall configure the appointment templates in accordance with the visit durations specified in writing by the Medical Director."),
    ("configuring what the practice specifies, named in a relative", CONTROL,
     "Manager shall configure the online booking system to offer appointment slots of the length and number that Manager chooses for each Licensed Professional.",
     "Manager shall configure the online booking system to offer appointment slots of the length and number that Practice specifies for each Licensed Professional."),
    ("a relative clause without 'that' names what the MSO chooses", CONTROL,
     "Practice shall use only the dermal fillers Manager designates.",
     "Manager shall order the dermal fillers Practice designates."),
    ("the practice's choice of medical director limited to the MSO's nominee", CONTROL,
     "Practice shall engage as Medical Director only a physician nominated by Manager.",
     "Practice shall engage as Medical Director only a physician nominated by its board of directors."),
    ("a council 'three of whose five members' the MSO appoints acts with it; two of five do not", CONTROL,
     "The Quality Council, three of whose five members are appointed by Manager, shall approve the injection techniques used by Practice's clinicians.",
     "The Quality Council, two of whose five members are appointed by Manager, shall approve the injection techniques used by Practice's clinicians."),
    ("recommendations of the MSO's panel that 'are to be incorporated' into the protocols", CONTROL,
     "Recommendations made by Manager's clinical advisory panel concerning the minimum interval between filler treatments are to be incorporated into Practice's protocols.",
     "Recommendations made by Manager's clinical advisory panel concerning the minimum interval between filler treatments are to be considered by Practice's Medical Director."),
    ("the subject of a relative without 'that' is not the verb's object", MD,
     "Manager may remove the Medical Director from the Clinic.",
     "Manager shall remove from its marketing any package the Medical Director withdraws."),
    ("'appointment durations' is scheduling, not appointing anyone", CONTROL,
     "Manager shall control the appointment of nurse practitioners at the Clinic.",
     "Manager shall configure appointment durations and provider eligibility in the Booking Platform exactly as specified in writing by Practice's Medical Director."),
    ("consent forms 'shall be those loaded into the EHR by' the MSO", CONTROL,
     "Treatment consent forms shall be those loaded into the EHR by Manager, and Practice's clinicians may not edit them.",
     "Treatment consent forms shall be those approved by the Medical Director and loaded into the EHR by Manager."),
    ("clinical payroll capped by the budget the MSO approves", CONTROL,
     "Practice's total clinical payroll, including injectors and nurse practitioners, shall not exceed the amount allocated to it in the Annual Budget approved by Manager.",
     "Practice's total clinical payroll, including injectors and nurse practitioners, shall not exceed the amount allocated to it in the Annual Budget approved by Practice."),
    ("protocol revisions the MSO proposes take effect by the practice's silence", CONTROL,
     "Manager may propose revisions to the treatment protocols, and any revision to which Practice has not objected within ten days shall be deemed approved.",
     "Manager may propose revisions to the marketing calendar, and any revision to which Practice has not objected within ten days shall be deemed approved."),
    ("the MSO's proposed staffing schedule deemed accepted", CONTROL,
     "Manager's proposed clinical staffing schedule for each month shall be deemed accepted by Practice unless Practice objects within three business days.",
     "Manager's proposed marketing calendar for each month shall be deemed accepted by Practice unless Practice objects within three business days."),
    ("the practice's proposal deemed approved unless the MSO objects: the MSO's veto", CONTROL,
     "Practice may propose revisions to the treatment protocols, and any revision to which Manager has not objected within ten days shall be deemed approved.",
     "Practice may revise the treatment protocols at any time, and Manager shall update the training materials within ten days."),
    ("the units of product in a treatment package are dosing", CONTROL,
     "Manager shall set the number of units of neurotoxin included in each membership package.",
     "Manager shall report the number of units of neurotoxin sold in each membership package."),
    ("a pronoun object is what it names before, not the agent named after it", MD,
     "Manager shall supervise the Medical Director and shall evaluate him each year.",
     "Manager shall maintain the treatment rooms and shall assign them in accordance with the room plan adopted by Practice's Medical Director."),
    ("a device the practice may not use on any patient unless the MSO approves it", CONTROL,
     "Practice shall not use on any patient a device that does not appear on the Approved Equipment List unless Manager has first approved the device.",
     "Practice shall not use on any patient a device that does not appear on the Approved Equipment List unless the Medical Director has first approved the device."),
    ("the MSO overbooking a clinician's schedule", CONTROL,
     "Manager may, without further consent of Practice, overbook the schedule of any Licensed Provider by up to twenty percent.",
     "Manager shall not overbook the schedule of any Licensed Provider without the consent of Practice."),
    ("a double negative veto: 'unless it has not been disapproved by' the MSO", CONTROL,
     "No treatment protocol shall be adopted by Practice unless it has not been disapproved by Manager within ten days after its submission.",
     "No treatment protocol shall be adopted by Practice unless it has not been disapproved by the Medical Director within ten days after its submission."),
    ("'Nothing in <the MSO's document> shall' negates what follows", CONTROL,
     "The Equipment Lease shall permit Manager to dictate the settings and treatment parameters for any device leased to Practice.",
     "Nothing in the Equipment Lease shall permit Manager to dictate the settings and treatment parameters for any device leased to Practice."),
    ("a deadlock on clinical policy 'broken by the vote of' the MSO's member", CONTROL,
     "If the Committee is deadlocked on any matter, including a matter of clinical policy, the deadlock shall be broken by the vote of the member designated by Manager.",
     "If the Committee is deadlocked on any matter, including a matter of clinical policy, the deadlock shall be broken by the vote of the member designated by Practice."),
    ("the party consulted in an aside is not the subject", CONTROL,
     "Manager, after consulting Practice, shall decide which medical aesthetic services are offered at each Location.",
     "Practice, after consulting Manager, shall decide which medical aesthetic services are offered at each Location."),
    ("'shall not offer any treatment that is not listed on' the MSO's menu: two negations make 'only'", CONTROL,
     "Practice shall not offer any treatment that is not listed on the Service Menu maintained by Manager.",
     "Practice shall not offer any treatment that is not listed on the Service Menu maintained by its Medical Director."),
    ("'shall not ... except in accordance with' criteria the MSO establishes", CONTROL,
     "Practice shall not accept any patient for treatment except in accordance with the patient acceptance criteria "
     "established by Manager.",
     "Practice shall not accept any patient for treatment except in accordance with the patient acceptance criteria "
     "established by its Medical Director."),
    ("an objection that closes a relative clause: 'any change ... to which' the MSO 'objects'", CONTROL,
     "Practice shall not implement any change to the treatment menu to which Manager objects.",
     "Practice shall not implement any change to the treatment menu to which its Medical Director objects."),
    ("protocols the MSO 'circulates' that are 'deemed adopted' unless the practice objects", CONTROL,
     "Manager may circulate revised treatment protocols for dermal fillers, and any revision to which Practice has not "
     "objected within ten business days shall be deemed adopted by Practice and binding on its clinicians.",
     "The Medical Director may circulate revised treatment protocols for dermal fillers, and any revision to which "
     "Practice has not objected within ten business days shall be deemed adopted by Practice."),
    ("a verb coordinated after a helping verb with a bare noun: 'process invoices and set'", CONTROL,
     "Manager shall process invoices and set the hourly rates of the nurse injectors of Practice.",
     "Manager shall process invoices and pay the hourly rates of the nurse injectors of Practice."),
    ("an aside after the 'and': 'and, for the nurse injectors and physician assistants engaged by' the practice, 'set'",
     CONTROL,
     "Manager shall process payroll, maintain the books of account and, for the nurse injectors and physician assistants "
     "engaged by Practice, set hourly rates and annual raises.",
     "Manager shall process payroll, maintain the books of account and, for the nurse injectors and physician assistants "
     "engaged by Practice, remit payroll taxes."),
    ("'in no event ... a clinical protocol that' the MSO 'has not approved': the approval the act needs", CONTROL,
     "In no event shall the Practice adopt a clinical protocol that the Manager has not approved.",
     "In no event shall the Practice adopt a clinical protocol that its Medical Director has not approved."),
    ("'that the Manager has first approved'", CONTROL,
     "The Practice shall adopt only a clinical protocol that the Manager has first approved.",
     "The Practice shall adopt only a clinical protocol that its Medical Director has first approved."),
    ("a corrective action plan the MSO issues, without 'that'", CONTROL,
     "Practice shall implement any corrective action plan Manager issues, including the retraining of any provider.",
     "Practice shall implement any corrective action plan its Medical Director issues, including the retraining of any "
     "provider."),
    ("'take the corrective action recommended by' the MSO", CONTROL,
     "Practice shall take the corrective action recommended by Manager, which may include suspension of the "
     "clinician's privileges.",
     "Practice shall take no direction from Manager on the corrective action for a clinician, which may include "
     "suspension of the clinician's privileges."),
    ("the MSO's act that makes the practice stop using a product ('whereupon ... shall cease using')", CONTROL,
     "Manager may discontinue any injectable administered to patients from the purchasing program, whereupon Practice "
     "shall cease using such product.",
     "Manager may discontinue any marketing campaign, whereupon Practice shall cease using the campaign materials."),
    ("patient data that 'shall remain' the MSO's 'proprietary data'", RECORDS,
     "All data entered into the Platform, including clinical photographs, shall remain Manager's proprietary data.",
     "All de-identified benchmarking data shall remain Manager's proprietary data, and all patient records shall "
     "belong to Practice."),
    ("records handed 'to the purchaser' the MSO chooses, with a participle after them", RECORDS,
     "Manager may transfer to the purchaser all patient medical records maintained at the Locations.",
     "Manager may transfer to the purchaser all office furniture maintained at the Locations."),
    ("the MSO's final determination of 'the clinical corrective measures'", CONTROL,
     "Manager's determination of the clinical corrective measures to be adopted shall be final.",
     "The Medical Director's determination of the clinical corrective measures to be adopted shall be final."),
    ("an item of an enumerated list after the MSO's bare modal: 'Manager shall (i) ...; and (iii) determine'", CONTROL,
     "Manager shall (i) review the monthly financial statements; (ii) recommend marketing campaigns; and (iii) determine "
     "the treatment menu.",
     "Manager shall (i) review the monthly financial statements; (ii) recommend marketing campaigns; and (iii) conduct "
     "background checks for the nurses that Practice elects to interview, it being understood that Practice alone shall "
     "select them."),
    ("a limit only the MSO's consent lifts: 'shall not exceed ten without the consent of'", CONTROL,
     "The number of nurse practitioners engaged by Practice shall not exceed ten without the consent of Manager.",
     "The number of nurse practitioners engaged by Practice shall not exceed ten without the consent of its Medical "
     "Director."),
    ("funds the MSO 'may decline to disburse' for hiring clinicians", CONTROL,
     "Manager may decline to disburse funds for any expenditure not provided for in the Operating Budget, including "
     "the engagement of any additional clinician.",
     "Manager may decline to disburse funds for any marketing expenditure not provided for in the Operating Budget."),
    ("a timing limit from the MSO's standards: 'shall not be scheduled earlier than the interval stated in'", CONTROL,
     "Neurotoxin retreatment shall not be scheduled earlier than the interval stated in Manager's Service Standards.",
     "Neurotoxin retreatment shall not be scheduled earlier than the interval stated in Practice's clinical protocols."),
    ("a consultation length 'as prescribed by the scheduling standards of' the MSO", CONTROL,
     "Initial consultations by the providers of Practice shall not exceed twenty (20) minutes, as prescribed by the "
     "scheduling standards of Manager.",
     "Initial consultations by the providers of Practice shall not exceed twenty (20) minutes, as prescribed by "
     "Practice's Medical Director."),
    ("a restated 'and may, <aside>,' after a helping verb keeps the subject", CONTROL,
     "Manager shall maintain the incident hotline and may, following its own review of any incident, prohibit the "
     "further use of a particular device on patients of Practice.",
     "Manager shall maintain the incident hotline and may, following its own review of any incident, recommend that "
     "Practice's Medical Director review the further use of a particular device on patients."),
    ("an item the MSO removes from its list, 'after which Practice shall not use the removed item'", CONTROL,
     "Manager may remove any injectable product from the Approved Product List, after which Practice shall not use the "
     "removed item on patients.",
     "Manager may remove any brochure from the marketing kit, after which Practice shall not use the removed item."),
    ("a carve-out that hands the carved part to the MSO ('other than ..., which shall be established by')", CONTROL,
     "All clinical protocols shall be adopted by Practice, other than protocols for laser treatments, which shall be "
     "established by Manager.",
     "All clinical protocols shall be adopted by Practice, other than protocols for laser treatments, which shall be "
     "established by its Medical Director."),
    ("a consent of the MSO's team: 'if Company's Guest Experience team approves'", CONTROL,
     "The Practice's treating provider shall perform the touch-up treatment at no charge if Manager's Guest Experience "
     "team approves the request.",
     "The Practice's treating provider shall perform the touch-up treatment at no charge if the Practice's Medical "
     "Director approves the request."),
    ("patient data used 'for any lawful business purpose' of the MSO", RECORDS,
     "Manager may use identifiable patient data from Practice's EHR for any lawful business purpose of Manager.",
     "Manager may use identifiable patient data from Practice's EHR only for the purposes Practice directs in writing."),
    ("photographs the MSO may publish 'in its campaigns'", RECORDS,
     "All before-and-after photographs taken by Practice's clinicians shall be uploaded to Manager's library, and Manager "
     "may use and publish them in its campaigns at its discretion.",
     "All before-and-after photographs taken by Practice's clinicians shall be stored in Practice's EHR, and Manager may "
     "use stock images in its campaigns at its discretion."),
    ("records the MSO 'may retain or destroy' under its own retention schedule", RECORDS,
     "Upon termination, Manager may retain or destroy the clinical records of Practice's patients in accordance with "
     "its record retention schedule.",
     "Upon termination, Manager shall deliver the clinical records of Practice's patients to Practice, which may retain "
     "or destroy them in accordance with applicable law."),
    ("a quota as 'not fewer than the monthly number of promotional treatments established by' the MSO", VOLUME,
     "Practice shall ensure that each of its injectors performs not fewer than the monthly number of promotional "
     "treatments established by Manager.",
     "Practice shall ensure that each of its injectors completes not fewer than the number of training hours "
     "established by its Medical Director."),
    ("a business-case gate: 'only if the Management Company's business case review concludes'", CONTROL,
     "Practice may introduce a new laser treatment only if Manager's business case review concludes that the treatment "
     "meets Manager's minimum return thresholds.",
     "Practice may introduce a new laser treatment only if its Medical Director's clinical review concludes that the "
     "treatment is safe; Manager's supply agreement with the laser's manufacturer shall not limit that choice."),
    ("a product substitution: 'may fill the order with a substitute product, including a different brand of filler'",
     CONTROL,
     "Manager may fill any order with a substitute product, including a different brand of dermal filler, and Practice's "
     "providers shall use the substitute product.",
     "Manager may fill any order with a substitute dermal filler only if Practice's Medical Director approves the "
     "substitute."),
    ("records the MSO 'may retain upon termination'", RECORDS,
     "Patient records of any Location acquired by Manager shall be held by Manager, and Manager may retain them upon "
     "termination of this Agreement.",
     "Manager may retain its business records upon termination of this Agreement, and Practice shall keep the patient "
     "records."),
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


def test_acceptable_to_the_mso_qualifies_the_noun_right_before_it(categories_of):
    # the physician must be acceptable to the MSO, not the chart co-signatures named earlier in the sentence
    cats = categories_of("The Medical Director shall report to Manager on the timeliness of chart co-signatures, and Manager "
                         "may require Practice to replace the Medical Director with a physician reasonably acceptable to Manager.")
    assert RECORDS not in cats and CONTROL in cats


def test_part_of_a_hyphenated_noun_is_no_verb(categories_of):
    # "set-up" is a noun: the MSO arranging workstations does not "set" anything clinical
    assert categories_of("Manager shall arrange workstation set-up, EHR credentials, name badges and uniforms for each "
                         "new nurse practitioner whom Practice engages.") == set()


def test_a_care_area_is_a_place_not_the_care(categories_of):
    assert categories_of("Manager's front-desk staff shall follow Manager's employment policies and, while in patient "
                         "care areas, the infection control rules adopted by Practice.") == set()


def test_a_periodic_review_of_the_overall_structure_is_no_power(categories_of):
    assert categories_of("Twice a year the President of Practice and a senior officer of Manager shall meet to review the "
                         "overall structure of the relationship, the terms of this Agreement and the manner in which "
                         "Practice exercises oversight of clinical operations.") == set()


def test_attending_meetings_of_a_clinical_committee_is_no_power(categories_of):
    assert categories_of("Manager may designate its office manager to attend meetings of the Clinical Quality Committee "
                         "as a non-voting observer.") == set()


@pytest.mark.parametrize("text", [
    # "that is not first approved by" names what is allowed; the MSO's own approving stays negated
    "Manager shall not approve any protocol that is not first approved by the Medical Director of Practice.",
    # an active "has not approved" is an ordinary negation: the list lead keeps governing item (ii)
    "Manager shall not (i) advertise any clinical outcome that Practice has not approved in writing, or (ii) offer any "
    "promotion that ties a price to the quantity of a prescription product administered.",
    "Practice may pay its Licensed Professionals an annual bonus based on patient-safety measures adopted by its Medical "
    "Director, and not on treatment volume or revenue.",
    # "that Manager has compiled" is Manager's own act; the negation resumes at the next list item
    "Practice shall not (i) disclose any mailing list that Manager has compiled, or (ii) allow Manager to set the "
    "treatment protocols.",
    # the MSO refrains from conditioning schedules on training it selects: its choosing is inside the negation
    "Manager may arrange training sessions and shall not condition any provider's schedule on completion of training "
    "that Manager selects.",
], ids=["restriction-keeps-the-verb-before-negated", "active-negated-relative", "not-on-volume",
        "relative-clause-ends-at-the-next-item", "relative-of-the-negated-subject"])
def test_negation_reaches_past_relative_clauses_where_it_should(text, categories_of):
    assert categories_of(text) == set()


@pytest.mark.parametrize("text", [
    # "credential verification" is a task, not the MSO credentialing the director
    "Manager shall coordinate the onboarding paperwork, credential verification, payroll processing and calendar of the "
    "Medical Director engaged by Practice.",
    # the EHR is where the templates live, not the records the MSO controls
    "Manager shall design the charting templates in the EHR.",
    # a charge paid for an export is no clinician's pay
    "Records maintained in Manager's EHR may be released to a patient's new provider only at Practice's direction, and "
    "Manager may invoice Practice for payment of its export charges.",
    # the package is what is sold; its price is business
    "Manager shall set the price and payment terms of each laser and microneedling package.",
    # an outside reviewer the practice asked for is not a clinician the MSO hires
    "At Practice's request and expense, Manager shall engage an independent physician reviewer selected by Practice.",
])
def test_business_words_next_to_clinical_ones_are_no_finding(text, categories_of):
    assert categories_of(text) == set()


def test_the_chart_a_clinician_writes_in_is_no_record_the_mso_controls(categories_of):
    cats = categories_of("The treating provider shall perform the touch-up treatment if Manager's Guest Experience team "
                         "approves the request, unless the treating provider documents in the chart a medical "
                         "contraindication.")
    assert CONTROL in cats and RECORDS not in cats
