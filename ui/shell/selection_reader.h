#pragma once

// Reads a VesselSelection from the store: the vessel once, its track once,
// its voyages once (selecting a vessel used to read each twice, on the GUI
// thread). A plain function, so SelectedVessel runs it on its own thread.

#include "core/store/database.h"
#include "core/util/result.h"
#include "ui/shell/vessel_selection.h"

#include <optional>

namespace wake::reference {
class PortIndex;
}

namespace wake::ui {

// None when there is no vessel of that id (deleted, another database).
Result<std::optional<VesselSelection>> readSelection(store::Database& db, model::VesselId id,
                                                     const reference::PortIndex* ports);

} // namespace wake::ui
