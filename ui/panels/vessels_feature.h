#pragma once

// The "Vessels" dock: every vessel of the store, filtered by name, MMSI,
// IMO, call sign, flag or type (Ctrl+F), sorted by any column; choosing a
// row chooses the vessel everywhere. It reads the store again when another
// database is opened or the store changed.

#include "core/model/vessel.h"

#include <QObject>

#include <vector>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace wake::ui {

class ReplayFeature;
class Shell;
class VesselListModel;

class VesselsFeature : public QObject
{
    Q_OBJECT
public:
    VesselsFeature(Shell& shell, ReplayFeature& replay);

    // Reads the list again; with selectFirst, the first row is chosen when
    // nothing is selected (a database just opened).
    void reload(bool selectFirst);
    // The same list, newer (live): new rows, changed rows, sort and
    // selection kept.
    void merge(std::vector<model::Vessel> vessels);
    const model::Vessel* vessel(model::VesselId id) const;

private:
    void showSelectionInList();
    void updateCount();

    Shell& m_shell;
    VesselListModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_view = nullptr;
    QLineEdit* m_filter = nullptr;
    QLabel* m_count = nullptr;
    bool m_selectingRow = false; // the selection, not the user, moves the row
};

} // namespace wake::ui
