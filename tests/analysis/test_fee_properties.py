"""Property tests: the fee parser and the analyzer never raise, whatever text a contract holds."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msa_toolkit.analysis import analyze, clause_document
from msa_toolkit.analysis.fees import find_percentages, words_to_number

FEE_WORDS = st.sampled_from([
    "percent", "per cent", "%", "(12.5%)", "of Net Collections", "Gross Revenue", "Manager", "Practice",
    "greater of", "lesser of", "remaining", "after payment of", "Expenses", "twelve and one-half", "0.08",
    "$10,000", "per month", "Exhibit D", "[***]", "Xxxxx", "$_____", "minus", "plus", "fee", "shall pay",
])
FEE_LIKE_TEXT = st.lists(st.one_of(FEE_WORDS, st.text(max_size=12)), max_size=40).map(" ".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_number_words_never_raise(text):
    value = words_to_number(text)
    assert value is None or isinstance(value, (int, float))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), FEE_LIKE_TEXT))
def test_find_percentages_never_raises(text):
    for pct in find_percentages(text):
        assert 0 <= pct.start <= pct.end <= len(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FEE_LIKE_TEXT)
def test_fee_clauses_always_analyze_to_a_verdict(text):
    result = analyze(clause_document(text))
    assert result.verdict in ("compliant", "review", "noncompliant")
    for fee in result.fees:
        assert fee.structure in ("fixed", "cost_plus", "hourly", "percentage", "residual", "performance",
                                 "hybrid", "unresolved")
