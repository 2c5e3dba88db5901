#include "core/store/bulk_write.h"

namespace wake::store {

BulkWriteTuning::BulkWriteTuning(Database& db) : m_db(db)
{
    if (m_db.isServer()) {
        return;
    }
    if (auto size = m_db.connection().queryInt(QStringLiteral("PRAGMA cache_size")); size) {
        m_previousCacheSize = static_cast<int>(*size);
    }
    (void)m_db.connection().exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kCacheKiB));
    if (m_db.path() != QLatin1String(":memory:")) {
        (void)m_db.connection().exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0"));
        m_checkpointer = std::make_unique<WalCheckpointer>(m_db.path());
    }
}

BulkWriteTuning::~BulkWriteTuning()
{
    if (m_db.isServer()) {
        return;
    }
    m_checkpointer.reset();
    (void)m_db.connection().exec(QStringLiteral("PRAGMA wal_autocheckpoint = 1000"));
    if (m_previousCacheSize) {
        (void)m_db.connection().exec(
            QStringLiteral("PRAGMA cache_size = %1").arg(*m_previousCacheSize));
    }
}

void BulkWriteTuning::committed()
{
    if (m_checkpointer) {
        m_checkpointer->request();
    }
}

} // namespace wake::store
