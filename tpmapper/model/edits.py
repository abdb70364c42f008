"""Edits: every change to a journey map, each with `apply` and `revert`.

An edit records what it needs to undo itself when it is applied, so
`edit.apply(m); edit.revert(m)` gives back exactly the map that was there before
(positions within cells included), and `apply` may run again after `revert` (redo).
Undo/redo, autosave, diff and merge all speak this one language. This module gathers
them: the protocol (edit_base), the map, touchpoint and link edits (touchpoint_edits) and
the edits of the ordered collections (collection_edits).
"""

from __future__ import annotations

from tpmapper.model.collection_edits import (
    AddLane,
    AddPersona,
    AddPhase,
    AddView,
    Consequences,
    MoveLane,
    MovePersona,
    MovePhase,
    MoveView,
    RemoveLane,
    RemovePersona,
    RemovePhase,
    RemoveView,
    UpdateLane,
    UpdatePersona,
    UpdatePhase,
    UpdateView,
)
from tpmapper.model.edit_base import CompositeEdit, Edit
from tpmapper.model.touchpoint_edits import (
    AddLink,
    AddTouchpoint,
    MoveTouchpoint,
    MoveTouchpoints,
    RemoveLink,
    RemoveTouchpoint,
    ReorderCell,
    UpdateLink,
    UpdateMap,
    UpdateTouchpoint,
)

__all__ = [
    "AddLane",
    "AddLink",
    "AddPersona",
    "AddPhase",
    "AddTouchpoint",
    "AddView",
    "CompositeEdit",
    "Consequences",
    "Edit",
    "MoveLane",
    "MovePersona",
    "MovePhase",
    "MoveTouchpoint",
    "MoveTouchpoints",
    "MoveView",
    "RemoveLane",
    "RemoveLink",
    "RemovePersona",
    "RemovePhase",
    "RemoveTouchpoint",
    "RemoveView",
    "ReorderCell",
    "UpdateLane",
    "UpdateLink",
    "UpdateMap",
    "UpdatePersona",
    "UpdatePhase",
    "UpdateTouchpoint",
    "UpdateView",
]
