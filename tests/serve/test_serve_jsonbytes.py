"""The answers' JSON bytes: orjson without its non-str-key option where every key is a str (the
same bytes, faster), with it otherwise (see detente/serve/jsonbytes.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.serve.jsonbytes import to_json

orjson = pytest.importorskip("orjson")

ROWS = {
    "a": "CHN",
    "rows": [
        {"period": "2014-01-01", "events": 3, "goldstein_mean": -2.5, "ctx_trade": 0, "documents": None},
        {"period": dt.date(2014, 2, 1), "events": 0, "goldstein_mean": None, "note": 'é \u2028 "quoted"'},
    ],
    "nested": {"x": [1.5, 1e-7, 12345678901234567890, True, False]},
}


def test_str_keys_give_the_bytes_of_the_option_that_allows_other_keys() -> None:
    assert to_json(ROWS) == orjson.dumps(ROWS, option=orjson.OPT_NON_STR_KEYS)


def test_a_non_str_key_is_written_as_a_string_not_refused() -> None:
    content = {"counts": {dt.date(2014, 1, 1): 3, 7: "seven"}}
    assert to_json(content) == b'{"counts":{"2014-01-01":3,"7":"seven"}}'


def test_what_cannot_be_written_still_fails() -> None:
    with pytest.raises(TypeError):
        to_json({"x": object()})
