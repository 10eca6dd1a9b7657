"""Report a mistake: the button under an answer opens a form, and the submission is stored."""

from __future__ import annotations

from typing import Any

from tests.support.discord_capture import message_payload, snowflake
from tests.support.discord_harness import Harness
from tests.support.discord_payloads import CHANNEL_ID, button_click, modal_submit, slash
from tests.support.discord_spec import assert_valid_callback


async def _answer_message(harness: Harness, question: str) -> dict[str, Any]:
    (sent,) = await harness.interact(slash("ask", {"question": question}))
    return message_payload(CHANNEL_ID, sent.data)


async def _open_form(harness: Harness, message: dict[str, Any], user_id: str) -> dict[str, Any]:
    custom_id = message["components"][0]["components"][0]["custom_id"]
    (sent,) = await harness.interact(button_click(custom_id, message, user_id=user_id))
    assert sent.payload["type"] == 9  # type: ignore[index]
    assert_valid_callback(sent.payload)  # type: ignore[arg-type]
    return sent.payload  # type: ignore[return-value]


def _text_input_id(modal: dict[str, Any]) -> str:
    (label,) = modal["data"]["components"]
    assert label["type"] == 18
    return label["component"]["custom_id"]  # type: ignore[no-any-return]


async def test_report_is_stored_with_question_and_answer(harness: Harness) -> None:
    user_id = snowflake()
    message = await _answer_message(harness, "Who plays Doña Chayo?")
    modal = await _open_form(harness, message, user_id)

    submit = modal_submit(
        modal["data"]["custom_id"],
        {_text_input_id(modal): "The name is misspelled"},
        user_id=user_id,
    )
    (sent,) = await harness.interact(submit)

    assert_valid_callback(sent.payload)  # type: ignore[arg-type]
    assert sent.data["flags"] == 64
    assert "Thank you" in sent.data["content"]
    (report,) = harness.storage.latest_reports(5)
    assert report.user_id == int(user_id)
    assert report.question == "Who plays Doña Chayo?"
    assert report.report_text == "The name is misspelled"
    assert "Mercedes" in report.answer_text


async def test_button_keeps_working_after_a_restart(harness: Harness) -> None:
    """A message sent before a restart has no stored view: the dynamic item still answers."""
    message = message_payload(CHANNEL_ID)
    message["components"] = [
        {
            "type": 1,
            "components": [
                {
                    "type": 2,
                    "style": 2,
                    "label": "Report a mistake",
                    "custom_id": "somos:report:old question",
                }
            ],
        }
    ]
    modal = await _open_form(harness, message, snowflake())
    assert modal["data"]["title"] == "Report a mistake"


async def test_spanish_form_and_thanks(harness: Harness) -> None:
    user_id = snowflake()
    message = await _answer_message(harness, "¿Quién es Doña Chayo?")
    custom_id = message["components"][0]["components"][0]["custom_id"]
    (sent,) = await harness.interact(
        button_click(custom_id, message, user_id=user_id, locale="es-419")
    )
    modal = sent.payload
    assert modal["data"]["title"] == "Reportar un error"  # type: ignore[index]
    submit = modal_submit(
        modal["data"]["custom_id"],
        {_text_input_id(modal): "Error"},
        user_id=user_id,
        locale="es-ES",  # type: ignore[index,arg-type]
    )
    (sent,) = await harness.interact(submit)
    assert "Gracias" in sent.data["content"]


async def test_unsaved_report_says_so(harness: Harness) -> None:
    user_id = snowflake()
    message = await _answer_message(harness, "Who plays Doña Chayo?")
    modal = await _open_form(harness, message, user_id)
    harness.storage.path.write_bytes(b"not a database" * 100)

    submit = modal_submit(modal["data"]["custom_id"], {_text_input_id(modal): "x"}, user_id=user_id)
    (sent,) = await harness.interact(submit)
    assert "could not save" in sent.data["content"]
    assert sent.data["flags"] == 64
