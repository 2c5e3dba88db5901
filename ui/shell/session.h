#pragma once

// What the window works on: one store and the reference data, and what
// changes in them. Features listen here instead of being called by the
// window (after Subsurface's divelistnotifier.h): databaseChanged when
// another store is opened, storeChanged when vessels, tracks or events in
// this one changed (an import, an analysis kept, live reception).

#include "core/model/vessel.h"
#include "core/store/database.h"

#include <QList>
#include <QObject>

#include <memory>

namespace wake::reference {
class FlagStates;
class PortIndex;
} // namespace wake::reference

namespace wake::ui {

class Session : public QObject
{
    Q_OBJECT
public:
    explicit Session(store::Database database, QObject* parent = nullptr);
    ~Session() override;

    store::Database& db() { return m_db; }
    // Null only when the built-in tables could not be read.
    const reference::FlagStates* flags() const { return m_flags.get(); }
    const reference::PortIndex* ports() const { return m_ports.get(); }

    // Long work on the store (an import, an analysis) holds it: another
    // database is not opened under it.
    void beginWork();
    void endWork();
    bool isWorking() const { return m_work > 0; }

    // Makes `database` the store (the old one closes) and says so.
    void replaceDatabase(store::Database database);
    // Features that changed the store say which vessels (empty: any).
    void notifyStoreChanged(const QList<qint64>& vessels = {});

Q_SIGNALS:
    void databaseChanged();
    void storeChanged(const QList<qint64>& vessels);

private:
    store::Database m_db;
    std::unique_ptr<reference::FlagStates> m_flags;
    std::unique_ptr<reference::PortIndex> m_ports;
    int m_work = 0;
};

} // namespace wake::ui
