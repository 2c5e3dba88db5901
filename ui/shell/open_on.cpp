#include "ui/shell/open_on.h"

#include "ui/mainwindow.h"
#include "ui/map/map_widget.h"
#include "ui/replay/replay_feature.h"
#include "ui/shell/selected_vessel.h"

#include <QTimer>

#include <memory>

namespace wake::ui {

void openWindowOn(MainWindow& window, const OpenOn& on)
{
    if (on.vessel) {
        window.selection().select(*on.vessel);
    }
    if (!on.timeUtcMs && !on.fit) {
        return;
    }
    auto* once = new QObject(&window);
    QObject::connect(&window.selection(), &SelectedVessel::vesselChanged, once,
                     [&window, on, once](const std::shared_ptr<const VesselSelection>& selection) {
                         if (on.vessel && selection->vessel.id != *on.vessel) {
                             return; // the first vessel, read before the one asked for
                         }
                         // After every panel has shown the selection (the replay sets its
                         // own start then).
                         QTimer::singleShot(0, &window, [&window, on] {
                             if (on.timeUtcMs) {
                                 window.replay().goTo(*on.timeUtcMs);
                             }
                             if (on.fit) {
                                 window.map()->fitBounds(on.fit->first, on.fit->second);
                             }
                         });
                         once->deleteLater();
                     });
}

} // namespace wake::ui
