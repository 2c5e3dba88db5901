#pragma once

// The "All events" dock: every vessel's events in one sortable table,
// filtered by kind, time, area, flag, ship type, listed or not and
// confidence, exported as CSV; a double-click opens the vessel. It reads the
// store when shown and again when the store changes.

#include "core/investigate/fleet_query.h"
#include "core/model/attribution.h"
#include "core/util/result.h"

#include <QObject>

#include <optional>

class QCheckBox;
class QComboBox;
class QDockWidget;
class QLabel;
class QLineEdit;
class QModelIndex;
class QTableView;

namespace wake::ui {

class FleetEventsModel;
class FleetEventsProxy;
class PortCallsDialog;
class Shell;

// What the dock's fields ask for, read and checked.
struct FleetEventsQuery
{
    investigate::FleetFilter fleet;
    std::optional<model::EventKind> kind;
    std::optional<std::int64_t> fromUtcMs;
    std::optional<std::int64_t> toUtcMs;
    model::Confidence minConfidence = model::Confidence::Unknown;
};

class FleetEventsFeature : public QObject
{
    Q_OBJECT
public:
    explicit FleetEventsFeature(Shell& shell);

    QDockWidget* dock() const { return m_dock; }
    // Reads every event and vessel again.
    void reload();
    // The rows shown, in their order, as CSV.
    Status exportCsv(const QString& path) const;
    int shownRows() const;
    // The calls at a port (a port clicked on the map), in a window of their own.
    PortCallsDialog* showPortCalls(const QString& name, const QString& locode);

private:
    void buildFilterBar(QWidget* bar);
    void applyFilters();
    void chooseCsvFile();
    void open(const QModelIndex& index);

    Shell& m_shell;
    QDockWidget* m_dock = nullptr;
    QTableView* m_view = nullptr;
    FleetEventsModel* m_model = nullptr;
    FleetEventsProxy* m_proxy = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_confidence = nullptr;
    QLineEdit* m_flag = nullptr;
    QLineEdit* m_type = nullptr;
    QLineEdit* m_area = nullptr;
    QLineEdit* m_from = nullptr;
    QLineEdit* m_to = nullptr;
    QCheckBox* m_listed = nullptr;
    QLabel* m_count = nullptr;
    bool m_stale = true;
};

} // namespace wake::ui
