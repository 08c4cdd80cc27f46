"""Fee terms: what the MSO is paid and whether it is measured by the practice's revenue."""
import pytest

from msa_toolkit.analysis import analyze, clause_document
from msa_toolkit.analysis.fees import find_percentages, words_to_number


def fee_terms(text):
    return analyze(clause_document(text)).fees


@pytest.mark.parametrize("words,value", [
    ("twelve and one-half", 12.5), ("ten", 10), ("twenty-five", 25), ("seven and a half", 7.5),
    ("one hundred", 100), ("two-fifths", 0.4), ("thirty five", 35),
])
def test_number_words(words, value):
    assert words_to_number(words) == pytest.approx(value)


@pytest.mark.parametrize("text,value", [
    ("twelve and one-half percent (12.5%) of Net Receipts", 12.5),
    ("ten percent of Gross Revenue", 10),
    ("15 per cent of Collections", 15),
    ("0.08 of Gross Revenue", 8),
    ("8 percentage points of Net Revenue", 8),
    ("twenty-five cents of every dollar of patient revenue", 25),
    ("two-fifths of the professional revenues", 40),
    ("Net Receipts for the month multiplied by 0.095", 9.5),
    ("found by multiplying the Gross Revenue of P.C. for the month by 0.14", 14),
    ("Gross Collections x 0.125", 12.5),
    ("one-twelfth of all patient payments", 8.33),
    ("thirteen hundredths of gross billings", 13),
    ("the charge for each treatment multiplied by seven-hundredths", 7),
    ("$90 per $1,000 of Net Revenue", 9),
    ("fifteen dollars ($15) for each one hundred dollars ($100) of charges", 15),
    ("six (6) cents on each dollar of Gross Revenue", 6),
    ("725 basis points of Adjusted Gross Collections", 7.25),
    ("eleven points on all Net Patient Revenue", 11),
    ("shared in the ratio of seventy to thirty", 70),
])
def test_percentages_in_every_spelling(text, value):
    assert [p.value for p in find_percentages(text)][:1] == [pytest.approx(value)]


@pytest.mark.parametrize("text,structure", [
    ("Practice shall pay Manager a monthly fee equal to twelve and one-half percent (12.5%) of Net Receipts.",
     "percentage"),
    ("The Management Fee shall be 15 per cent of Gross Collections, consistent with fair market value.", "percentage"),
    ("All funds remaining in the Practice Account after payment of Practice Expenses shall be paid to Manager.",
     "residual"),
    ("The Management Fee shall equal Practice Revenue minus Practice Expenses.", "residual"),
    ("Manager shall receive a performance fee of 20% of Collections in excess of the annual budget.", "performance"),
    ("The Management Fee shall be the greater of (a) $20,000 per month and (b) 8% of Net Collections.", "hybrid"),
    ("Practice shall pay Manager $15,000 per month during the first year; thereafter the fee shall be 10% of Gross "
     "Revenue.", "hybrid"),
    ("Practice shall pay Manager a fixed monthly fee of $25,000.", "fixed"),
    ("The Management Fee shall equal Manager's actual costs plus ten percent (10%) of such costs.", "cost_plus"),
    ("Practice shall pay Manager $150 per hour of administrative services.", "hourly"),
    ("Practice shall pay Manager a monthly management fee of [***].", "unresolved"),
    ("Practice shall pay Manager a monthly management fee of $_______.", "unresolved"),
])
def test_fee_structure(text, structure):
    assert [t.structure for t in fee_terms(text)] == [structure]


@pytest.mark.parametrize("text", [
    "The Service Fee for each month shall be the Net Revenue of Practice for that month multiplied by 0.12.",
    "Practice shall remit to Manager each month an amount equal to thirteen hundredths of its gross billings.",
    "The Management Fee shall be calculated at the rate of $95 per $1,000 of Net Collections.",
    "Manager shall earn a fee of 900 basis points of Adjusted Gross Collections, paid monthly.",
    "Net profits of the Clinic shall be divided between Manager and Practice in the ratio of seventy to thirty, "
    "the share of Manager being its Management Fee.",
    "For each Treatment Plan accepted by a patient, Practice shall pay Manager a coordination fee equal to 0.07 "
    "times the case acceptance value of the plan.",
    "The Management Fee shall be determined by reference to the Annual Collections of Practice in accordance with "
    "these rows: Band A - Annual Collections up to $1,500,000 - 10%; Band B - Annual Collections above $1,500,000 - 8%.",
    "The Fixed Fee for each month shall be the amount opposite the applicable Collections band: Collections of less "
    "than $150,000 - $12,000; Collections of $150,000 to $300,000 - $24,000.",
    "As full compensation for its services, Manager shall be entitled to the Net Operating Income of the Clinic for "
    "each quarter, less a Physician Retention Amount of $40,000, which shall be retained by Practice.",
    "The compensation of Manager for each quarter shall be the professional income of Practice for the quarter less "
    "the Physician Draw of $50,000.",
])
def test_revenue_fees_without_the_word_percent_are_flagged(text):
    assert "revenue_based_fee" in {f.category for f in analyze(clause_document(text)).findings}


@pytest.mark.parametrize("text", [
    "Any loan from Manager shall bear interest at the prime rate plus 200 basis points.",
    "Practice shall pay Manager $45 per hour of billing support, and Manager shall pass through card fees of "
    "$0.30 per transaction.",
    "In addition, Doctor shall be entitled to an annual bonus payable by Manager equal to Five Thousand Dollars "
    "($5,000) for each One Hundred Thousand Dollars ($100,000) of revenue above plan.",
    "The Management Fee shall be a flat $18,000 per month, and Practice shall pay each nurse injector a production "
    "bonus equal to 8% of her monthly collections in excess of $40,000.",
    "Receipts of Practice in excess of its budgeted expenses shall remain the property of Practice, and the "
    "compensation of Manager shall be limited to the Fixed Fee.",
])
def test_look_alikes_of_disguised_fees_are_not_the_msos_revenue_fee(text):
    assert "revenue_based_fee" not in {f.category for f in analyze(clause_document(text)).findings}


def test_fee_term_records_amount_percentage_base_and_period():
    (term,) = fee_terms("Practice shall pay Manager a monthly fee equal to eight percent (8%) of Net Collections.")
    assert (term.percentage, term.base, term.period) == (8.0, "Net Collections", "month")
    (fixed,) = fee_terms("Practice shall pay Manager a fixed fee of $25,000 per month.")
    assert (fixed.amount, fixed.period) == (25000.0, "month")


@pytest.mark.parametrize("text", [
    "Any amount not paid when due shall bear interest at 1.5% per month.",
    "The Management Fee shall equal Manager's actual costs plus ten percent (10%) of such costs.",
    "The Base Rent shall increase by three percent (3%) on each anniversary of the Effective Date.",
    "The fixed fee shall be adjusted annually by the change in the Consumer Price Index, not to exceed 4%.",
    "Manager shall offer patients a ten percent (10%) discount on retail products sold at the Office.",
    "Manager shall maintain general liability insurance with limits of not less than $1,000,000 per occurrence.",
    "Card processing charges of 2.9% of each card payment shall be passed through at cost.",
    "Manager's aggregate liability shall not exceed 50% of the fees paid in the prior twelve months.",
    "Practice shall pay any sales tax of 7% on taxable services.",
    "In no event shall the Management Fee be calculated as a percentage of Practice revenue.",
    "Manager shall pay the Practice Expenses from the Practice Account and remit the balance to Practice.",
])
def test_percentages_that_are_not_a_share_of_revenue_are_not_flagged(text):
    assert "revenue_based_fee" not in {f.category for f in analyze(clause_document(text)).findings}


def test_fair_market_value_wording_does_not_cure_a_percentage_fee():
    text = ("The Management Fee shall be ten percent (10%) of Net Collections, which the Parties agree is fair market "
            "value and is not intended to constitute fee-splitting.")
    assert "revenue_based_fee" in {f.category for f in analyze(clause_document(text)).findings}


def test_clinician_bonus_on_revenue_is_volume_pressure_not_the_mso_fee():
    text = "Each nurse practitioner shall receive a quarterly bonus equal to 10% of the Net Collections she generates."
    assert {f.category for f in analyze(clause_document(text)).findings} == {"volume_pressure_comp"}


@pytest.mark.parametrize("text", [
    "Manager shall maintain commercial general liability insurance with limits of not less than $1,000,000 per "
    "occurrence, and workers' compensation insurance as required by law.",
    "In addition, the Company shall pay the Medical Director a quarterly bonus equal to Twenty-Five Dollars ($25.00) "
    "for each injectable treatment performed.",
])
def test_insurance_limits_and_clinician_bonuses_are_not_the_msos_fixed_fee(text):
    """Regression: both once showed up in `fees` (and the folder summary) as the MSO's fixed fee."""
    assert [fee for fee in fee_terms(text) if fee.structure == "fixed"] == []


def test_a_fixed_monthly_fee_is_still_read_with_its_amount():
    fees = fee_terms("Practice shall pay Manager a fixed monthly fee of $38,500.00 per month.")
    assert [(fee.structure, fee.amount, fee.period) for fee in fees] == [("fixed", 38500.0, "month")]


def test_a_fee_by_a_schedule_attached_as_a_named_exhibit_that_is_missing_is_unresolved():
    from msa_toolkit.analysis import analyze_text

    text = ('This Management Services Agreement is made between Cedar Support LLC ("Service Company") and Cedar '
            'Medical, P.S. ("Professional Company").\n\n6.1 Service Fee. The Professional Company shall pay the Service '
            'Company a service fee calculated in accordance with the fee schedule attached as Schedule 2 (the "Service '
            'Fee").\n')
    result = analyze_text(text)
    assert "unresolved_fee" in {f.category for f in result.findings}
    assert result.verdict == "review"


@pytest.mark.parametrize("text", [
    # the "per month" belongs to the fixed part, not to an interest-like rate
    "The Management Fee shall be $18,000 per month plus 7.5% of the Practice's collections.",
    # a billing agent's share of what it collects
    "As compensation for its billing and collection services, Manager shall be entitled to retain six percent (6%) of "
    "all amounts it collects on the Practice's accounts receivable, in addition to the Base Management Fee.",
])
def test_revenue_shares_next_to_a_fixed_amount_or_named_by_a_relative_are_flagged(text):
    assert "revenue_based_fee" in {f.category for f in analyze(clause_document(text)).findings}


def test_the_items_of_a_lead_that_names_the_fee_are_parts_of_the_fee():
    from msa_toolkit.analysis import analyze_text

    result = analyze_text("1. Fees payable to Manager hereunder (see Section 5.1): (a) Base Component: $18,000 per month; "
                          "(b) Variable Component: seven and one-half percent of the Practice's gross charges.")
    assert "revenue_based_fee" in {f.category for f in result.findings}
    assert not {f.category for f in analyze_text(
        "1. In consideration of the Management Fee, Manager shall provide the following services: (a) billing and "
        "collection of the Practice's receivables; (b) payroll.").findings}
