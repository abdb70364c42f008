"""The Excel import: our own workbook (edited in Excel or not) gives back the map the user
meant, a sheet typed from scratch becomes a map, and any problem refuses the whole import
with every problem located."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.files.excel_support import (
    column_of,
    differences,
    edited,
    round_trip,
    row_of,
    tricky_map,
    typed_workbook,
)
from tests.files.maps import BUNDLED, every_field_map, minimal_map
from tpmapper.files import MapFileError
from tpmapper.files.excel_export import workbook_bytes
from tpmapper.files.excel_import import (
    ImportResult,
    WorkbookError,
    import_workbook,
    import_workbook_bytes,
)
from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import dumps, load
from tpmapper.model import Channel, JourneyMap, LaneKind, Moment, Touchpoint

# ---------------------------------------------------------------------- round trips


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_bundled_maps_round_trip(path: Path) -> None:
    journey = load(path)
    result = round_trip(journey)
    assert differences(journey, result.journey) == []
    assert result.journey == journey
    assert result.own_workbook
    assert result.problems == []


@pytest.mark.parametrize("language", ["en", "de"])
def test_every_field_round_trips_in_both_languages(language: str) -> None:
    journey = every_field_map()
    result = round_trip(journey, language)
    assert differences(journey, result.journey) == []
    assert dumps(result.journey) == dumps(journey)  # byte-identical .tpmap as well


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_generated_map_with_tricky_values_round_trips(language: str) -> None:
    journey = tricky_map(150)
    result = round_trip(journey, language)
    assert differences(journey, result.journey) == []
    assert result.problems == []


def test_none_and_zero_stay_apart() -> None:
    journey = minimal_map()
    zeros = Touchpoint(
        "t3", "Zeros", "p", "l", conversion_rate=0.0, satisfaction=0.0, roi=0.0, cost=0.0, reach=0
    )
    journey.insert_touchpoint(zeros)
    back = round_trip(journey).journey
    assert back.touchpoint("t3") == zeros
    unset = back.touchpoint("t1")
    assert (unset.reach, unset.cost, unset.roi, unset.customer_rating) == (None, None, None, None)
    assert unset.influenceable is None
    assert unset.feedback_sources == ()


def test_import_from_a_file(tmp_path: Path) -> None:
    journey = load(sample_path("de"))
    path = tmp_path / "karte.xlsx"
    path.write_bytes(workbook_bytes(journey, language="de"))
    result = import_workbook(path)
    assert isinstance(result, ImportResult)
    assert result.journey == journey
    assert result.sheet == "Touchpoints"


# ---------------------------------------------------------------------- edited workbooks


@pytest.fixture
def sample() -> JourneyMap:
    return load(sample_path())


def _import(data: bytes, base: JourneyMap | None = None) -> ImportResult:
    return import_workbook_bytes(data, "edited.xlsx", base)


def test_a_changed_cell_changes_exactly_that_field(sample: JourneyMap) -> None:
    cart = next(tp for tp in sample.touchpoints() if tp.name == "Shopping cart")

    def edit(book) -> None:
        sheet = book["Touchpoints"]
        row = row_of(sheet, "Shopping cart")
        sheet.cell(row, column_of(sheet, "Customer rating"), 4)
        sheet.cell(row, column_of(sheet, "Owner"), "New owner")
        sheet.cell(row, column_of(sheet, "Tags"), "one; two")

    back = _import(edited(workbook_bytes(sample), edit)).journey
    expected = cart.with_changes(customer_rating=4, owner="New owner", tags=("one", "two"))
    sample.replace_touchpoint(expected)
    assert back == sample


def test_added_and_deleted_rows_add_and_delete_touchpoints(sample: JourneyMap) -> None:
    website = next(tp for tp in sample.touchpoints() if tp.name == "Website")
    ads = next(tp for tp in sample.touchpoints() if tp.name == "Ads")

    def edit(book) -> None:
        sheet = book["Touchpoints"]
        sheet.delete_rows(row_of(sheet, "Ads"))
        row = row_of(sheet, "Website")
        sheet.insert_rows(row)  # a new row above Website, same phase and lane
        for header, value in (
            ("Name", "Blog"),
            ("Phase", "Before purchase"),
            ("Lane", "Owned"),
            ("Channel", "Website"),
            ("Customer rating", 5),
        ):
            sheet.cell(row, column_of(sheet, header), value)

    result = _import(edited(workbook_bytes(sample), edit))
    back = result.journey
    assert len(back) == len(sample)  # one added, one deleted
    assert ads.id not in back
    blog = next(tp for tp in back.touchpoints() if tp.name == "Blog")
    assert blog.id not in sample
    assert blog.customer_rating == 5
    assert blog.channel is Channel.WEBSITE
    cell = back.cell(website.phase, website.lane)
    assert cell.index(blog.id) == cell.index(website.id) - 1  # the row order is kept
    assert not any(ads.id in link.key for link in back.links())
    assert any("dropped" in problem for problem in result.problems)  # said so


def test_reordered_rows_reorder_the_cell(sample: JourneyMap) -> None:
    phase, lane = "purchase", "owned"
    order = list(sample.cell(phase, lane))
    names = [sample.touchpoint(t).name for t in order]

    def edit(book) -> None:
        sheet = book["Touchpoints"]
        rows = [row_of(sheet, name) for name in names]
        values = [[c.value for c in sheet[r]] for r in rows]
        for r, row_values in zip(rows, reversed(values), strict=True):
            for column, value in enumerate(row_values, 1):
                sheet.cell(r, column, value)

    back = _import(edited(workbook_bytes(sample), edit)).journey
    assert list(back.cell(phase, lane)) == order[::-1]


def test_a_phase_renamed_in_its_sheet_keeps_its_touchpoints(sample: JourneyMap) -> None:
    def edit(book) -> None:
        book["Phases"].cell(2, 2, "Awareness")  # was "Before purchase"

    back = _import(edited(workbook_bytes(sample), edit)).journey
    assert back.phases["before"].name == "Awareness"
    assert back.in_phase("before") == sample.in_phase("before")
    assert len(back.phases) == len(sample.phases)


def test_a_new_phase_named_in_the_touchpoints_sheet_is_created(sample: JourneyMap) -> None:
    def edit(book) -> None:
        sheet = book["Touchpoints"]
        sheet.cell(row_of(sheet, "Website"), column_of(sheet, "Phase"), "Loyalty")
        sheet.cell(row_of(sheet, "Ads"), column_of(sheet, "Lane"), "  earned ")  # case, spaces

    back = _import(edited(workbook_bytes(sample), edit)).journey
    assert [p.name for p in back.phases][-1] == "Loyalty"
    website = next(tp for tp in back.touchpoints() if tp.name == "Website")
    assert back.phases[website.phase].name == "Loyalty"
    ads = next(tp for tp in back.touchpoints() if tp.name == "Ads")
    assert ads.lane == "earned"


def test_columns_found_by_header_in_any_order_and_extra_ones_ignored(sample: JourneyMap) -> None:
    def edit(book) -> None:
        sheet = book["Touchpoints"]
        sheet.move_range(f"A1:A{sheet.max_row}", cols=40)  # Name to the far right
        sheet.move_range(f"L1:L{sheet.max_row}", cols=41)  # Customer rating too
        sheet.cell(1, 60, "Budget 2025")
        sheet.cell(2, 60, 99)

    result = _import(edited(workbook_bytes(sample), edit))
    assert result.journey == sample
    assert any("Budget 2025" in problem and "ignored" in problem for problem in result.problems)


def test_a_copied_row_becomes_a_new_touchpoint(sample: JourneyMap) -> None:
    def edit(book) -> None:
        sheet = book["Touchpoints"]
        source = row_of(sheet, "Website")
        sheet.append([c.value for c in sheet[source]])

    result = _import(edited(workbook_bytes(sample), edit))
    websites = [tp for tp in result.journey.touchpoints() if tp.name == "Website"]
    assert len(websites) == 2
    assert len({tp.id for tp in websites}) == 2
    assert any("appears on an earlier row" in problem for problem in result.problems)


def test_links_are_found_by_id_or_by_name(sample: JourneyMap) -> None:
    def edit(book) -> None:
        book["Journey"].append(["Word of mouth", "Shopping cart", "recommends", 0.25])

    back = _import(edited(workbook_bytes(sample), edit)).journey
    by_name = {tp.name: tp.id for tp in back.touchpoints()}
    link = back.link(by_name["Word of mouth"], by_name["Shopping cart"])
    assert (link.label, link.share) == ("recommends", 0.25)
    assert len(back.links()) == len(sample.links()) + 1


def test_a_touchpoint_renamed_keeps_its_links(sample: JourneyMap) -> None:
    def edit(book) -> None:
        sheet = book["Touchpoints"]
        sheet.cell(row_of(sheet, "Website"), column_of(sheet, "Name"), "Homepage")

    back = _import(edited(workbook_bytes(sample), edit)).journey
    assert len(back.links()) == len(sample.links())


def test_the_map_title_comes_from_the_about_sheet(sample: JourneyMap) -> None:
    def edit(book) -> None:
        sheet = book["About"]
        for row in sheet.iter_rows():
            if row[0].value == "Title":
                row[1].value = "New title"

    assert _import(edited(workbook_bytes(sample), edit)).journey.title == "New title"


def test_our_workbook_ignores_base(sample: JourneyMap) -> None:
    other = every_field_map()
    assert _import(workbook_bytes(sample), base=other).journey == sample


# ---------------------------------------------------------------------- refusals


def _edit_rating(value: object) -> bytes:
    sample = load(sample_path())

    def edit(book) -> None:
        sheet = book["Touchpoints"]
        sheet.cell(7, column_of(sheet, "Customer rating"), value)

    return edited(workbook_bytes(sample), edit)


def test_a_rating_of_9_is_refused_with_its_cell() -> None:
    with pytest.raises(WorkbookError) as caught:
        _import(_edit_rating(9))
    error = caught.value
    assert error.problems == ["Touchpoints!L7: Customer rating: 9 is outside 1–5"]
    assert str(error) == "edited.xlsx: Touchpoints!L7: Customer rating: 9 is outside 1–5"
    assert isinstance(error, MapFileError)
    assert "\n" not in str(error)


def test_every_problem_is_listed_and_counted(sample: JourneyMap) -> None:
    def edit(book) -> None:
        sheet = book["Touchpoints"]
        sheet.cell(3, column_of(sheet, "Customer rating"), "good")
        sheet.cell(4, column_of(sheet, "Conversion rate"), 1.5)
        sheet.cell(5, column_of(sheet, "Influenceable"), "maybe")
        sheet.cell(6, column_of(sheet, "Owned/paid/earned"), "Bought")
        sheet.cell(7, column_of(sheet, "Name")).value = None
        sheet.cell(8, column_of(sheet, "Reach"), -3)
        book["Phases"].cell(2, 3, "blue")
        book["Journey"].cell(2, 4, 2)

    with pytest.raises(WorkbookError) as caught:
        _import(edited(workbook_bytes(sample), edit))
    problems = caught.value.problems
    assert problems == [
        "Phases!C2: Colour: '#blue' is not a colour like #1f77b4",
        "Touchpoints!L3: Customer rating: 'good' is not a number",
        "Touchpoints!Q4: Conversion rate: 1.5 is outside 0–1 (a share: 0.25 means 25 %)",
        "Touchpoints!I5: Influenceable: 'maybe' is neither yes nor no (write yes or no, ja "
        "or nein)",
        "Touchpoints!G6: Owned/paid/earned: 'Bought' is not one of: Owned, Paid, Earned",
        "Touchpoints!A7: Name: a touchpoint needs a name",
        "Touchpoints!U8: Reach: -3 is not a whole number of 0 or more",
        "Journey!D2: Share: 2 is outside 0–1 (a share: 0.25 means 25 %)",
    ]
    assert str(caught.value).endswith("(and 7 more problems)")


def test_nothing_changes_when_an_import_fails(tmp_path: Path) -> None:
    base = load(sample_path())
    before = dumps(base)
    path = tmp_path / "bad.xlsx"
    data = _edit_rating(9)
    path.write_bytes(data)
    with pytest.raises(WorkbookError):
        import_workbook(path, base)
    assert dumps(base) == before
    assert path.read_bytes() == data


def test_a_link_to_an_unknown_name_is_refused(sample: JourneyMap) -> None:
    def edit(book) -> None:
        book["Journey"].append(["Nobody", "Website"])

    with pytest.raises(WorkbookError) as caught:
        _import(edited(workbook_bytes(sample), edit))
    row = len(sample.links()) + 2
    assert caught.value.problems == [f"Journey!A{row}: From: no touchpoint is named 'Nobody'"]


# ---------------------------------------------------------------------- typed sheets

ENGLISH_ROWS = [
    ["Our touchpoints 2024"],
    [],
    ["Name", "Phase", "Lane", "Channel", "Owner", "Rating", "Pain point", "Tags", "Region"],
    ["  Website ", "Awareness", "Online", "website", "Web team", 4, "no", "seo, content"],
    [None, None, None, None, None, None, None, None],
    ["Shop", "Purchase", "Online", "Online shop", " E-commerce ", "3", "yes", "checkout"],
    ["Store visit", "Purchase", "Offline", "Fax", None, 5.0, None, None],
    ["Hotline", "After purchase", "Offline", "Phone", "Service", None, None, None],
]


def test_an_english_typed_sheet_becomes_a_map() -> None:
    result = _import(typed_workbook(ENGLISH_ROWS, "Touchpoints 2024"))
    journey = result.journey
    assert not result.own_workbook
    assert result.sheet == "Touchpoints 2024"
    assert journey.title == "edited"
    assert [p.name for p in journey.phases] == ["Awareness", "Purchase", "After purchase"]
    assert [lane.name for lane in journey.lanes] == ["Online", "Offline"]
    names = [tp.name for tp in journey.touchpoints()]
    assert names == ["Website", "Shop", "Store visit", "Hotline"]
    website, shop, store, hotline = journey.touchpoints()
    assert website.channel is Channel.WEBSITE
    assert website.customer_rating == 4
    assert website.moment is None
    assert website.tags == ("seo", "content")
    assert shop.owner == "E-commerce"
    assert shop.customer_rating == 3
    assert shop.moment is Moment.PAIN_POINT
    assert store.customer_rating == 5
    assert store.channel is None
    assert store.channel_detail == "Fax"
    assert hotline.channel is Channel.PHONE
    assert hotline.customer_rating is None
    assert any("'Fax'" in p and "channel detail" in p for p in result.problems)
    assert any("'Region'" in p for p in result.problems)


GERMAN_ROWS = [
    ["Name", "Phase", "Kanal", "Verantwortlich", "Bewertung", "Unternehmensbewertung",
     "Schmerzpunkt", "Beeinflussbar", "Zielgruppe", "Kosten", "Konversionsrate"],
    ["Suchanzeige", "Aufmerksamkeit", "Suchmaschinenwerbung (SEA)", "Marketing", "2", 4, "ja",
     "ja", "Schnäppchenjäger; Profis", "1.200 €", "3,5 %"],
    ["Empfehlung", "Aufmerksamkeit", "Mundpropaganda", None, 4, None, "nein", "nein",
     "Profis", None, None],
    ["Kasse", "Kauf", "Ladengeschäft", "Filiale", 3, 3, None, None, None, "250,50", 0.2],
]  # fmt: skip


def test_a_german_typed_sheet_becomes_a_map() -> None:
    result = _import(typed_workbook(GERMAN_ROWS))
    journey = result.journey
    assert [p.name for p in journey.phases] == ["Aufmerksamkeit", "Kauf"]
    assert len(journey.lanes) == 1  # no lane column: one lane for all
    ad, tip, till = journey.touchpoints()
    assert ad.channel is Channel.PAID_SEARCH
    assert tip.channel is Channel.WORD_OF_MOUTH
    assert till.channel is Channel.STORE
    assert (ad.customer_rating, ad.company_rating) == (2, 4)
    assert ad.moment is Moment.PAIN_POINT
    assert tip.moment is None
    assert (ad.influenceable, tip.influenceable, till.influenceable) == (True, False, None)
    assert [p.name for p in journey.personas] == ["Schnäppchenjäger", "Profis"]
    assert [journey.personas[p].name for p in ad.personas] == ["Schnäppchenjäger", "Profis"]
    assert tip.personas == (ad.personas[1],)
    assert till.cost == 250.5
    assert till.conversion_rate == 0.2
    assert ad.conversion_rate == pytest.approx(0.035)
    assert result.problems == []


def test_a_typed_sheet_with_a_bad_rating_is_refused_where_it_is() -> None:
    rows = [["Name", "Phase", "Rating"], ["A", "One", 3], ["B", "One", 9], ["C", "", "x"]]
    with pytest.raises(WorkbookError) as caught:
        _import(typed_workbook(rows, "Sheet 1"))
    assert caught.value.problems == [
        "'Sheet 1'!C3: Customer rating: 9 is outside 1–5",
        "'Sheet 1'!C4: Customer rating: 'x' is not a number",
    ]


def test_a_typed_sheet_without_phase_in_a_row_is_refused() -> None:
    rows = [["Name", "Phase"], ["A", "One"], ["B", "  "]]
    with pytest.raises(WorkbookError) as caught:
        _import(typed_workbook(rows))
    assert caught.value.problems == ["Tabelle1!B3: Phase: a touchpoint needs a phase"]


def test_typed_rows_are_added_to_a_copy_of_base(sample: JourneyMap) -> None:
    before = dumps(sample)
    rows = [
        ["Touchpoint", "Stage", "Lane", "Kind"],
        ["Podcast", "before purchase", "Paid", "x"],
        ["Survey", "Feedback", "Owned", None],
    ]
    result = _import(typed_workbook(rows), base=sample)
    journey = result.journey
    assert dumps(sample) == before  # base itself is untouched
    assert journey.title == sample.title
    assert len(journey) == len(sample) + 2
    podcast = next(tp for tp in journey.touchpoints() if tp.name == "Podcast")
    assert (podcast.phase, podcast.lane) == ("before", "paid")  # matched by name
    survey = next(tp for tp in journey.touchpoints() if tp.name == "Survey")
    assert journey.phases[survey.phase].name == "Feedback"
    assert [p.name for p in journey.phases][-1] == "Feedback"


def test_the_table_may_be_on_a_later_sheet() -> None:
    from openpyxl import Workbook

    from tests.files.excel_support import save_book

    book = Workbook()
    book.active.title = "Read me"
    book.active.append(["This workbook lists our touchpoints."])
    sheet = book.create_sheet("Data")
    sheet.append(["name", "PHASE", "swim lane"])
    sheet.append(["Flyer", "Before", "Print"])
    result = _import(save_book(book))
    assert result.sheet == "Data"
    assert [tp.name for tp in result.journey.touchpoints()] == ["Flyer"]
    assert result.journey.lanes.at(0).name == "Print"
    assert result.journey.lanes.at(0).kind is LaneKind.CHANNEL_GROUP


def test_a_workbook_without_name_and_phase_is_refused() -> None:
    with pytest.raises(WorkbookError) as caught:
        _import(typed_workbook([["Title", "Stage name"], ["a", "b"]]))
    assert "Name and Phase" in str(caught.value)
    assert str(caught.value).startswith("edited.xlsx: ")


def test_a_header_without_rows_is_refused() -> None:
    with pytest.raises(WorkbookError) as caught:
        _import(typed_workbook([["Name", "Phase"], [None, None]]))
    assert "no touchpoint rows" in str(caught.value)


def test_a_sheet_saved_with_shared_strings_keeps_escapes_apart() -> None:
    from tests.files.excel_support import shared_strings_workbook

    rows = [
        ["Name", "Phase", "Notes"],
        ["Line_x000D_break", "One", "literal _x005F_x0041_ stays"],
    ]
    data, _sheet, _strings = shared_strings_workbook(rows)
    tp = _import(data).journey.touchpoints()[0]
    assert tp.name == "Line\rbreak"
    assert tp.notes == "literal _x0041_ stays"


def test_many_problems_are_kept_up_to_a_limit_and_all_counted() -> None:
    from tpmapper.files.workbook_guard import MAX_PROBLEMS

    rows = [["Name", "Phase", "Rating"]] + [[f"T{i}", "P", 7] for i in range(MAX_PROBLEMS + 50)]
    with pytest.raises(WorkbookError) as caught:
        _import(typed_workbook(rows))
    assert len(caught.value.problems) == MAX_PROBLEMS
    assert caught.value.total == MAX_PROBLEMS + 50
    assert str(caught.value).endswith(f"(and {MAX_PROBLEMS + 49} more problems)")


# ---------------------------------------------------------------------- the column schema


def test_every_touchpoint_field_has_a_column() -> None:
    from tpmapper.files.excel_columns import TOUCHPOINT_COLUMNS
    from tpmapper.model.elements import field_names

    keys = {column.key for column in TOUCHPOINT_COLUMNS}
    assert set(field_names(Touchpoint)) <= keys


def test_no_header_names_two_columns() -> None:
    from collections import Counter

    from tpmapper.files.excel_columns import IMPORT_ONLY_COLUMNS, TOUCHPOINT_COLUMNS

    counts = Counter(
        key for column in TOUCHPOINT_COLUMNS + IMPORT_ONLY_COLUMNS for key in column.header_keys()
    )
    assert [key for key, count in counts.items() if count > 1] == []


def test_every_vocabulary_word_and_label_names_its_member() -> None:
    from tpmapper.files.vocabulary_words import LABELS, parse_member

    for member, (english, german) in LABELS.items():
        kind = type(member)
        for word in (member.value, english, german, english.upper(), f"  {german} "):
            assert parse_member(kind, word) is member, (word, member)
