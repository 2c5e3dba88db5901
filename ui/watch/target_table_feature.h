#pragma once

// The Targets dock: the live target table (watch/target_table_model.h),
// sortable, filtered by name or MMSI, refreshed with each live snapshot
// while it shows; a click selects the vessel.

#include <QObject>

#include <memory>

class QDockWidget;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace wake::ui {

class LiveFeature;
class Shell;
class TargetTableModel;
struct LiveSnapshot;

class TargetTableFeature : public QObject
{
    Q_OBJECT
public:
    TargetTableFeature(Shell& shell, LiveFeature& live);

    QDockWidget* dock() const { return m_dock; }
    QTableView* view() const { return m_view; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    void setSnapshot(const std::shared_ptr<const LiveSnapshot>& snapshot);

private:
    Shell& m_shell;
    QDockWidget* m_dock = nullptr;
    QLineEdit* m_filter = nullptr;
    QTableView* m_view = nullptr;
    TargetTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    std::shared_ptr<const LiveSnapshot> m_latest;
};

} // namespace wake::ui
