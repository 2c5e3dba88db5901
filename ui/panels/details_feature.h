#pragma once

// The "Vessel details" dock: the selected vessel's identity and facts, each
// with its confidence and source links, the other transmitters on its MMSI
// and its voyages (a click replays one).

#include "ui/shell/selection_panel.h"

#include <QObject>

class QTextBrowser;

namespace wake::ui {

class ReplayFeature;
class Shell;

class DetailsFeature : public QObject, public SelectionPanel
{
    Q_OBJECT
public:
    DetailsFeature(Shell& shell, ReplayFeature& replay);

    void show(const VesselSelection& selection) override;
    void clear() override;
    // The identity heard live since the selection was read (a name that
    // arrived), without moving the reader's place in the text.
    void showLiveIdentity(const model::Vessel& vessel);

private:
    Shell& m_shell;
    QTextBrowser* m_view = nullptr;
};

} // namespace wake::ui
