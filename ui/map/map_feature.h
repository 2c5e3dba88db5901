#pragma once

// The map's part of the selection: it draws the selected vessel's scene
// (its track, the traffic of its time, its events, the places), or only the
// places when nothing is selected; a ship clicked on the map becomes the
// selection, keeping the time and the view.

#include "ui/shell/selection_panel.h"

#include <QObject>

namespace wake::ui {

class Shell;

class MapFeature : public QObject, public SelectionPanel
{
    Q_OBJECT
public:
    explicit MapFeature(Shell& shell);

    void show(const VesselSelection& selection) override;
    void clear() override;

private:
    Shell& m_shell;
};

} // namespace wake::ui
