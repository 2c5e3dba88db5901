#pragma once

// The watch's alarm log in the window: an Alerts dock (newest first,
// filtered by kind or to those not yet acknowledged; Acknowledge, Snooze for
// an hour, Export CSV; a click selects the vessel), the count of alerts to
// acknowledge on the status bar, a desktop notification for each alert not
// snoozed, and a distress banner over the map that stays until every
// distress alert is acknowledged. Alerts come from live reception
// (live/live_feature.h) already kept in the store; acknowledgements and
// snoozes go to the store, so they outlive the window.

#include "core/util/result.h"
#include "core/watch/alert.h"
#include "ui/watch/desktop_notifier.h"

#include <QObject>
#include <QTimer>

#include <vector>

class QCheckBox;
class QComboBox;
class QDockWidget;
class QFrame;
class QLabel;
class QTableWidget;

namespace wake::ui {

class LiveFeature;
class Shell;

class AlertsFeature : public QObject
{
    Q_OBJECT
public:
    AlertsFeature(Shell& shell, LiveFeature& live);

    QDockWidget* dock() const { return m_dock; }
    // Reads the alarm log again (tests call it after writing the store).
    void reload();
    int shownRows() const;
    const std::vector<watch::Alert>& shown() const { return m_shown; }
    std::int64_t unacknowledged() const { return m_unacknowledged; }
    bool distressShown() const;
    Status acknowledge(std::int64_t alertId);
    Status snoozeFor(const watch::Alert& alert, int minutes);
    Status exportCsv(const QString& path) const;
    // A new alert from the live watch (public for tests).
    void onAlert(const watch::Alert& alert);
    int notificationsUndelivered() const { return m_notifier.undelivered(); }

private:
    void buildDock();
    const watch::Alert* selectedAlert() const;
    void acknowledgeSelected();
    void acknowledgeDistress();
    void placeBanner();
    bool eventFilter(QObject* watched, QEvent* event) override;
    void onReloadTimer();

    Shell& m_shell;
    QDockWidget* m_dock = nullptr;
    QTableWidget* m_table = nullptr;
    QCheckBox* m_openOnly = nullptr;
    QComboBox* m_kind = nullptr;
    QLabel* m_count = nullptr;
    QFrame* m_banner = nullptr;
    QLabel* m_bannerText = nullptr;
    std::vector<watch::Alert> m_shown;
    std::vector<watch::Alert> m_openDistress;
    std::vector<watch::Alert> m_pending; // raised, not yet read back from the store
    std::int64_t m_unacknowledged = 0;
    DesktopNotifier m_notifier;
    QTimer m_reloadTimer; // reloads at most twice a second
    bool m_reloadDue = false;
};

} // namespace wake::ui
