#pragma once

// Table model of events: date as reported, kind, title, confidence, sources.

#include "core/model/event.h"

#include <QAbstractTableModel>
#include <QIcon>

#include <vector>

namespace wake::ui {

class EventsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // The glyph of an event kind, as the map draws it.
    static QIcon kindIcon(model::EventKind kind);
    enum Column
    {
        Date,
        Kind,
        Title,
        Confidence,
        Sources,
        ColumnCount
    };
    static constexpr int kEventIdRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setEvents(std::vector<model::Event> events);
    const model::Event* eventAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<model::Event> m_events;
};

} // namespace wake::ui
