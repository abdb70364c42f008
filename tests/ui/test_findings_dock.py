"""The findings dock: every finding grouped by kind with counts; choosing one names its
touchpoints; edits update the list after a short pause, keeping what the user opened
and chose.

Driven as a user does: items clicked in the tree, keys pressed in it, edits pushed
through the document as the inspector and the canvas push them.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTreeWidgetItem

from tests.analysis.maps import build
from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load
from tpmapper.model import Moment
from tpmapper.model.edits import UpdateTouchpoint
from tpmapper.ui.document import Document
from tpmapper.ui.findings_dock import REFRESH_DELAY_MS, FindingsDock

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def sample() -> Document:
    return Document(load(sample_path("en")))


def shown(qtbot, document: Document) -> FindingsDock:
    dock = FindingsDock()
    qtbot.addWidget(dock)
    dock.resize(420, 900)
    dock.set_document(document)
    dock.show()
    qtbot.waitExposed(dock)
    return dock


def headings(dock: FindingsDock) -> list[str]:
    tree = dock.tree
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def children(dock: FindingsDock, kind: str) -> list[tuple[str, str]]:
    item = dock.kind_item(kind)
    assert item is not None, f"no {kind} in the dock"
    return [(item.child(i).text(0), item.child(i).text(1)) for i in range(item.childCount())]


def child(dock: FindingsDock, kind: str, text: str) -> QTreeWidgetItem:
    item = dock.kind_item(kind)
    assert item is not None, f"no {kind} in the dock"
    for index in range(item.childCount()):
        if item.child(index).text(0) == text:
            return item.child(index)
    raise AssertionError(f"{text!r} is not listed under {kind}")


def click_item(qtbot, dock: FindingsDock, item: QTreeWidgetItem) -> None:
    tree = dock.tree
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    assert rect.isValid(), f"{item.text(0)!r} is not visible"
    qtbot.mouseClick(tree.viewport(), LEFT, pos=rect.center())


def ids_of(document: Document, *names: str) -> list[str]:
    by_name = {tp.name: tp.id for tp in document.journey.touchpoints()}
    return [by_name[name] for name in names]


def chosen(qtbot, dock: FindingsDock, item: QTreeWidgetItem) -> list[str]:
    """Click `item`; the ids the dock says were chosen."""
    with qtbot.waitSignal(dock.touchpoints_chosen, timeout=1000) as signal:
        click_item(qtbot, dock, item)
    return signal.args[0]


# ---------------------------------------------------------------------------- what is listed
def test_the_sample_lists_each_kind_with_its_count_in_order(qtbot, sample):
    dock = shown(qtbot, sample)
    assert headings(dock) == [
        "Priorities (7)",
        "Weak spots (2)",
        "Blind spots (2)",
        "Bottlenecks (4)",
        "Loops (1)",
        "Entries (3)",
        "Without owner (2)",
        "Empty cells (4)",
    ]
    assert dock.summary.text() == "10 of 12 rated touchpoints agree (83 %)"
    assert children(dock, "blind_spots") == [
        ("Shopping cart", "company 4 · customer 2"),
        ("Chatbot", "company 4 · customer 2"),
    ]
    assert children(dock, "priorities")[0] == ("Shopping cart", "score 15")
    assert children(dock, "weak_spots")[0] == ("Shopping cart", "customer 2 · Pain point")
    assert children(dock, "entries") == [
        ("Ads", "Before purchase"),
        ("Influencers", "Before purchase"),
        ("AI search", "Before purchase"),
    ]
    assert children(dock, "empty_cells")[0] == ("Purchase / Paid", "")
    [(loop, _detail)] = children(dock, "loops")
    assert loop.startswith("Loop 1: Website → Product reviews → Word of mouth → ")


def test_every_kind_of_a_hand_built_map(qtbot):
    journey = build(
        [
            ("a", "p1", {"name": "Ad", "influenceable": False}),
            (
                "b",
                "p2",
                {
                    "name": "Shop",
                    "customer_rating": 1,
                    "company_rating": 5,
                    "importance": 2,
                    "influenceable": True,
                },
            ),
            ("c", "p2", {"name": "Hotline", "owner": "Service"}),
            (
                "d",
                "p3",
                {
                    "name": "Review",
                    "customer_rating": 4,
                    "company_rating": 4,
                    "influenceable": True,
                },
            ),
            ("e", "p2", {"name": "Flyer", "moment": Moment.PAIN_POINT, "lane": "l2"}),
            ("f", "p2", {"name": "Chat", "importance": 5, "customer_rating": 3, "lane": "l2"}),
            ("g", "p2", {"name": "Letter", "lane": "l2"}),
        ],
        "a>b b>c c>b b>d f>c c>g",
        lanes="l1 l2",
    )
    dock = shown(qtbot, Document(journey))
    assert headings(dock) == [
        "Priorities (2)",
        "Weak spots (2)",
        "Blind spots (1)",
        "Bottlenecks (3)",
        "Dead ends (1)",
        "Orphans (1)",
        "Loops (1)",
        "Entries (2)",
        "Without owner (6)",
        "Uninfluenceable phases (1)",
        "Empty cells (2)",
    ]
    assert children(dock, "priorities") == [("Chat", "score 10"), ("Shop", "score 8")]
    assert children(dock, "weak_spots") == [("Shop", "customer 1"), ("Flyer", "Pain point")]
    assert children(dock, "blind_spots") == [("Shop", "company 5 · customer 1")]
    assert children(dock, "bottlenecks") == [
        ("Ad", "Phase p1"),
        ("Shop", "Phase p2"),
        ("Review", "Phase p3"),
    ]
    assert children(dock, "dead_ends") == [("Letter", "Phase p2")]
    assert children(dock, "orphans") == [("Flyer", "Phase p2")]
    assert children(dock, "loops") == [("Loop 1: Shop → Hotline", "")]
    assert children(dock, "entries") == [("Ad", "Phase p1"), ("Chat", "Phase p2")]
    assert [name for name, _phase in children(dock, "unowned")] == [
        "Ad",
        "Shop",
        "Flyer",
        "Chat",
        "Letter",
        "Review",
    ]
    assert children(dock, "uninfluenceable_phases") == [("Phase p1", "")]
    assert children(dock, "empty_cells") == [("Phase p1 / Lane l2", ""), ("Phase p3 / Lane l2", "")]
    assert dock.summary.text() == "1 of 2 rated touchpoints agree (50 %)"


def test_a_map_without_ratings_says_so(qtbot):
    dock = shown(qtbot, Document(build("a:p1 b:p2", "a>b")))
    assert dock.summary.text() == "No touchpoint has both ratings yet."
    assert "Blind spots" not in " ".join(headings(dock))


# ---------------------------------------------------------------------------- choosing
def test_clicking_a_finding_chooses_its_touchpoints(qtbot, sample):
    dock = shown(qtbot, sample)
    chatbot = child(dock, "blind_spots", "Chatbot")
    assert chosen(qtbot, dock, chatbot) == ids_of(sample, "Chatbot")
    assert chosen(qtbot, dock, child(dock, "bottlenecks", "Sales pages")) == ids_of(
        sample, "Sales pages"
    )
    # the canvas may have moved on meanwhile: choosing the same finding again says it again
    qtbot.wait(QApplication.doubleClickInterval() + 50)
    assert chosen(qtbot, dock, child(dock, "bottlenecks", "Sales pages")) == ids_of(
        sample, "Sales pages"
    )


def test_clicking_a_kind_chooses_all_its_touchpoints(qtbot, sample):
    dock = shown(qtbot, sample)
    ids = chosen(qtbot, dock, dock.kind_item("bottlenecks"))
    assert ids == ids_of(sample, "Website", "Sales pages", "Shopping cart", "Order confirmation")


def test_a_loop_chooses_all_its_members_and_an_empty_cell_none(qtbot, sample):
    dock = shown(qtbot, sample)
    loop = dock.kind_item("loops").child(0)
    ids = chosen(qtbot, dock, loop)
    assert len(ids) == 10
    assert ids == list(dock.findings.loops[0])
    assert chosen(qtbot, dock, child(dock, "empty_cells", "Purchase / Paid")) == []


def test_an_uninfluenceable_phase_chooses_its_touchpoints(qtbot):
    journey = build([("a", "p1", {"influenceable": False}), ("b", "p1", {"influenceable": False})])
    dock = shown(qtbot, Document(journey))
    assert chosen(qtbot, dock, child(dock, "uninfluenceable_phases", "Phase p1")) == ["a", "b"]


# ---------------------------------------------------------------------------- live updates
def rate(document: Document, name: str, **changes) -> None:
    [tid] = ids_of(document, name)
    assert document.push(UpdateTouchpoint(tid, changes), "Rate")


def test_an_edit_updates_the_list_after_a_pause_not_at_once(qtbot, sample):
    dock = shown(qtbot, sample)
    updates = []
    dock.findings_changed.connect(updates.append)
    rate(sample, "Website", customer_rating=1)  # company 5: now a blind spot and a weak spot
    assert dock.refresh_pending
    assert headings(dock)[1] == "Weak spots (2)", "the analysis ran while the user typed"
    qtbot.waitUntil(lambda: headings(dock)[1] == "Weak spots (3)", timeout=REFRESH_DELAY_MS * 10)
    assert ("Website", "company 5 · customer 1") in children(dock, "blind_spots")
    assert dock.summary.text() == "9 of 12 rated touchpoints agree (75 %)"
    assert len(updates) == 1
    assert updates[0].weak_spots == dock.findings.weak_spots
    assert ids_of(sample, "Website")[0] in updates[0].weak_spots


def test_a_burst_of_edits_is_analysed_once(qtbot, sample):
    dock = shown(qtbot, sample)
    updates = []
    dock.findings_changed.connect(updates.append)
    for rating in (1, 2, 3, 4, 5, 1):
        rate(sample, "Ads", customer_rating=rating)
        qtbot.wait(REFRESH_DELAY_MS // 4)  # typing pace: each edit restarts the pause
    assert updates == []
    qtbot.waitUntil(lambda: len(updates) == 1, timeout=REFRESH_DELAY_MS * 10)
    qtbot.wait(REFRESH_DELAY_MS * 2)
    assert len(updates) == 1
    assert ("Ads", "customer 1") in children(dock, "weak_spots")


def test_undo_updates_the_list_too(qtbot, sample):
    dock = shown(qtbot, sample)
    rate(sample, "Chatbot", customer_rating=4, moment=None)
    qtbot.waitUntil(lambda: "Blind spots (1)" in headings(dock), timeout=REFRESH_DELAY_MS * 10)
    sample.undo_stack.undo()
    qtbot.waitUntil(lambda: "Blind spots (2)" in headings(dock), timeout=REFRESH_DELAY_MS * 10)


def test_expanded_state_and_selection_survive_a_refresh(qtbot, sample):
    dock = shown(qtbot, sample)
    weak = dock.kind_item("weak_spots")
    priorities = dock.kind_item("priorities")
    assert weak.isExpanded()
    assert priorities.isExpanded()
    click_item(qtbot, dock, priorities)
    qtbot.keyClick(dock.tree, Qt.Key.Key_Left)  # collapse the priorities, as a user does
    assert not priorities.isExpanded()
    chatbot = child(dock, "weak_spots", "Chatbot")
    click_item(qtbot, dock, chatbot)
    assert dock.chosen_ids() == ids_of(sample, "Chatbot")

    choices = []
    dock.touchpoints_chosen.connect(choices.append)
    # the shopping cart leaves the weak spots (listed before the chatbot) and the
    # priorities, and an item is added to both
    rate(sample, "Shopping cart", customer_rating=5, moment=None)
    rate(sample, "Ads", customer_rating=1)
    qtbot.waitUntil(lambda: not dock.refresh_pending, timeout=REFRESH_DELAY_MS * 10)
    assert children(dock, "weak_spots") == [
        ("Ads", "customer 1"),
        ("Chatbot", "customer 2 · Pain point"),
    ]
    assert dock.kind_item("priorities") is priorities
    assert not priorities.isExpanded()
    assert dock.kind_item("weak_spots").isExpanded()
    assert [item.text(0) for item in dock.tree.selectedItems()] == ["Chatbot"]
    assert dock.chosen_ids() == ids_of(sample, "Chatbot")
    assert choices == [], "a refresh is not the user's choice"


def test_a_kind_that_goes_and_comes_back_remembers_being_collapsed(qtbot):
    journey = build([("a", "p1", {"customer_rating": 1})])
    document = Document(journey)
    dock = shown(qtbot, document)
    weak = dock.kind_item("weak_spots")
    click_item(qtbot, dock, weak)
    qtbot.keyClick(dock.tree, Qt.Key.Key_Left)
    document.push(UpdateTouchpoint("a", {"customer_rating": 4}), "Rate")
    qtbot.waitUntil(lambda: dock.kind_item("weak_spots") is None, timeout=REFRESH_DELAY_MS * 10)
    document.push(UpdateTouchpoint("a", {"customer_rating": 2}), "Rate")
    qtbot.waitUntil(lambda: dock.kind_item("weak_spots") is not None, timeout=REFRESH_DELAY_MS * 10)
    assert not dock.kind_item("weak_spots").isExpanded()


def test_another_document_replaces_the_first(qtbot, sample):
    dock = shown(qtbot, sample)
    other = Document(build("a:p1 b:p2", "a>b", phases="p1 p2"))
    updates = []
    dock.findings_changed.connect(updates.append)
    dock.set_document(other)
    assert len(updates) == 1, "a new document is shown at once"
    assert headings(dock) == [
        "Bottlenecks (2)",
        "Entries (1)",
        "Without owner (2)",
        "Uninfluenceable phases (2)",
    ]
    rate(sample, "Ads", customer_rating=1)  # the old one no longer reaches the dock
    qtbot.wait(REFRESH_DELAY_MS * 2)
    assert len(updates) == 1
