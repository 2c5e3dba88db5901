#include "ui/shell/session.h"

#include "core/reference/flag_states.h"
#include "core/reference/port_index.h"

namespace wake::ui {

Session::Session(store::Database database, QObject* parent)
    : QObject(parent), m_db(std::move(database))
{
    if (auto flags = reference::FlagStates::loadBuiltIn()) {
        m_flags = std::make_unique<reference::FlagStates>(std::move(flags).value());
    }
    if (auto ports = reference::PortIndex::loadBuiltIn()) {
        m_ports = std::make_unique<reference::PortIndex>(std::move(ports).value());
    }
}

Session::~Session() = default;

void Session::beginWork()
{
    ++m_work;
}

void Session::endWork()
{
    m_work = std::max(0, m_work - 1);
}

void Session::replaceDatabase(store::Database database)
{
    m_db = std::move(database);
    Q_EMIT databaseChanged();
}

void Session::notifyStoreChanged(const QList<qint64>& vessels)
{
    Q_EMIT storeChanged(vessels);
}

} // namespace wake::ui
