#pragma once

// The live target table: every target heard live with its name, MMSI,
// ship type, range and bearing from own ship, CPA and TCPA, speed, course
// and the age of its last report. Range and bearing need own ship; CPA and
// TCPA are the watch's, for targets within reach of an alarm, and blank
// elsewhere (never a guess). Sorting sorts by the value, not its text.

#include "ui/live/live_controller.h"

#include <QAbstractTableModel>

#include <memory>

namespace wake::ui {

class TargetTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Mmsi,
        Type,
        Range,
        Bearing,
        Cpa,
        Tcpa,
        Sog,
        Cog,
        Age,
        ColumnCount
    };
    static constexpr int kSortRole = Qt::UserRole + 1;
    static constexpr int kVesselRole = Qt::UserRole + 2;

    using QAbstractTableModel::QAbstractTableModel;

    void setSnapshot(std::shared_ptr<const LiveSnapshot> snapshot);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row
    {
        const live::LiveTarget* target = nullptr;
        std::optional<double> rangeNm;
        std::optional<double> bearingDeg;
        std::optional<double> cpaNm;
        std::optional<double> tcpaMinutes;
        double ageSeconds = 0.0;
    };
    std::shared_ptr<const LiveSnapshot> m_snapshot;
    std::vector<Row> m_rows;
};

} // namespace wake::ui
