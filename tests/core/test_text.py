import pytest

from bot.core.text import fold


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Doña Chayo", "dona chayo"),
        ("  DONA   chayo!! ", "dona chayo"),
        ("Somos.", "somos"),
        ("“Somos.”", "somos"),
        ("Érika", "erika"),
        ("¿Quién hace de Doña Chayo?", "quien hace de dona chayo"),
        ("Álvaro_Curiel", "alvaro curiel"),
        ("E03", "e03"),
        ("\u202eRTL\u0000null\ttab", "rtl null tab"),
        ("🎬🍿", ""),
    ],
)
def test_fold_ignores_accents_case_punctuation_and_spacing(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_fold_keeps_letters_of_other_scripts() -> None:
    assert fold("Сомос 私たち") == "сомос 私たち"
