"""The CLI on real and bad input: every failure is one clear line naming file and line."""

import json

from typer.testing import CliRunner

from detente.cli import app

runner = CliRunner()


def run(*args, input=None):  # noqa: A002
    return runner.invoke(app, list(args), input=input)


def test_codes_a_text_file_with_a_sidecar_date(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Russia and China signed a treaty of friendship on Thursday.")
    (tmp_path / "story.meta.json").write_text(json.dumps({"published": "2015-04-30"}))
    result = run("code", str(article))
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events and events[0]["doc_id"] == "story" and events[0]["date"] == "2015-04-30"
    for field in (
        "doc_id",
        "event_id",
        "date",
        "date_precision",
        "source",
        "target",
        "cameo",
        "plover",
        "quad_class",
        "goldstein",
        "contexts",
        "location",
        "status",
        "evidence",
        "confidence",
    ):
        assert field in events[0]
    assert set(events[0]["source"]) >= {"text", "code", "country", "org", "sector", "name"}


def test_jsonl_stdin_and_formats(tmp_path):
    line = json.dumps({"id": "a1", "text": "Iran condemned Israel on Monday.", "date": "2020-01-08", "extra": 1})
    result = run("code", "-", "--format", "csv", input=line + "\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith("doc_id,event_id,date")
    result = run("code", "-", "--format", "table", input=line + "\n")
    assert result.exit_code == 0 and "a1" in result.stdout


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("")
    result = run("code", str(path))
    assert result.exit_code == 2 and f"{path}" in result.output and "empty" in result.output


def test_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = run("code", str(path))
    assert result.exit_code == 2 and "binary" in result.output


def test_invalid_utf8_names_the_line(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_bytes(b'{"id": "1", "text": "fine"}\n{"id": "2", "text": "caf\xe9"}\n')
    result = run("code", str(path))
    assert result.exit_code == 2 and f"{path}:2" in result.output and "UTF-8" in result.output


def test_malformed_json_line(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "1", "text": "Iran condemned Israel."}\n{"id": 2, "text": \n')
    result = run("code", str(path))
    assert result.exit_code == 2 and f"{path}:2" in result.output and "JSON" in result.output
    assert "Traceback" not in result.output


def test_missing_text_field(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "1", "body": "no text field"}\n')
    result = run("code", str(path))
    assert result.exit_code == 2 and f"{path}:1" in result.output and "text" in result.output


def test_huge_single_line_document_is_refused_clearly(tmp_path):
    path = tmp_path / "huge.jsonl"
    with path.open("w") as handle:
        handle.write('{"id": "big", "text": "')
        handle.write("word " * (10 * 1024 * 1024))  # 50 MB on one line
        handle.write('"}\n')
    result = run("code", str(path))
    assert result.exit_code == 2 and f"{path}:1" in result.output and "MB" in result.output


def test_bad_date_option():
    result = run("code", "-", "--date", "30/04/2015", input="Iran condemned Israel.")
    assert result.exit_code == 2 and "--date" in result.output


def test_every_command_has_help():
    for command in (["code"], ["validate"], ["actors", "lookup"]):
        result = run(*command, "--help")
        assert result.exit_code == 0 and len(result.stdout) > 100


def test_validate_reports_counts():
    result = run("validate")
    assert result.exit_code == 0 and "countries" in result.stdout


def test_actor_lookup_prints_terms():
    result = run("actors", "lookup", "medvedev", "--date", "2010-01-01")
    assert result.exit_code == 0 and "RUSGOV" in result.stdout and "2008" in result.stdout


def test_absurdly_nested_json_names_the_line(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text('{"id": "1", "text": "Iran condemned Israel."}\n{"id": "2", "text": "x", "y": '
                    + "[" * 100_000 + "]" * 100_000 + "}\n")
    result = run("code", str(path))
    assert result.exit_code == 2 and f"{path}:2" in result.output and "nested" in result.output
    assert "Traceback" not in result.output


def test_placeholder_dates_are_refused_with_file_and_line(tmp_path):
    path = tmp_path / "old.jsonl"
    path.write_text('{"id": "1", "text": "Russia and China signed a gas deal.", "date": "0001-01-01"}\n')
    result = run("code", str(path))
    assert result.exit_code == 2 and f"{path}:1" in result.output and "outside" in result.output
    result = run("code", "-", "--date", "0001-01-01", input="Iran condemned Israel.")
    assert result.exit_code == 2 and "--date" in result.output and "outside" in result.output


def test_output_into_a_missing_directory_is_a_clear_error(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Russia and China signed a gas deal.")
    target = tmp_path / "missing" / "out.jsonl"
    result = run("code", str(source), "--date", "2015-01-01", "-o", str(target))
    assert result.exit_code == 2 and "cannot write" in result.output and str(target) in result.output
    assert "Traceback" not in result.output
