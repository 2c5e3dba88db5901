#include "core/store/wal_checkpointer.h"

namespace wake::store {

WalCheckpointer::WalCheckpointer(const QString& path)
{
    auto connection = Connection::open(path, Connection::Mode::ReadWrite);
    if (connection) {
        m_thread = std::thread([this, c = std::move(*connection)]() mutable { run(std::move(c)); });
    }
}

WalCheckpointer::~WalCheckpointer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void WalCheckpointer::request()
{
    {
        std::lock_guard lock(m_mutex);
        m_pending = true;
    }
    m_wake.notify_one();
}

void WalCheckpointer::run(Connection connection)
{
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_pending || m_stop; });
            if (m_stop) {
                return;
            }
            m_pending = false;
        }
        // PASSIVE never blocks the writer; what it cannot copy now waits.
        (void)connection.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
    }
}

} // namespace wake::store
