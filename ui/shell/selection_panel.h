#pragma once

// Every panel that shows the selected vessel shows it whole or clears
// itself: a selection without a track clears what has none, instead of
// leaving the vessel before on screen (Subsurface's TabBase: updateData and
// clear).

#include "ui/shell/selected_vessel.h"
#include "ui/shell/vessel_selection.h"

namespace wake::ui {

class SelectionPanel
{
public:
    virtual ~SelectionPanel() = default;
    virtual void show(const VesselSelection& selection) = 0;
    virtual void clear() = 0;
};

// Shows every selection read in the panel and clears it when the selection
// is cleared; context ends the connections.
inline void follow(SelectedVessel& selection, QObject* context, SelectionPanel& panel)
{
    QObject::connect(&selection, &SelectedVessel::vesselChanged, context,
                     [&panel](const std::shared_ptr<const VesselSelection>& s) { panel.show(*s); });
    QObject::connect(&selection, &SelectedVessel::cleared, context, [&panel] { panel.clear(); });
}

} // namespace wake::ui
