#include "map/online_tile_layer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPainter>

#include <cmath>

namespace wake::ui {

QIODevice* TileDiskCache::prepare(const QNetworkCacheMetaData& metaData)
{
    QNetworkCacheMetaData kept = metaData;
    const QDateTime keepUntil = QDateTime::currentDateTimeUtc().addDays(kMinKeepDays);
    if (!kept.expirationDate().isValid() || kept.expirationDate() < keepUntil) {
        kept.setExpirationDate(keepUntil);
    }
    // Servers that say no-cache would make the tile vanish offline.
    QNetworkCacheMetaData::RawHeaderList headers;
    for (const auto& h : kept.rawHeaders()) {
        if (h.first.compare("Cache-Control", Qt::CaseInsensitive) != 0 &&
            h.first.compare("Pragma", Qt::CaseInsensitive) != 0) {
            headers.append(h);
        }
    }
    kept.setRawHeaders(headers);
    kept.setSaveToDisk(true);
    return QNetworkDiskCache::prepare(kept);
}

QString OnlineTileLayer::userAgent()
{
    return QStringLiteral("Wake/%1").arg(QCoreApplication::applicationVersion().isEmpty()
                                             ? QStringLiteral("0.1.0")
                                             : QCoreApplication::applicationVersion());
}

OnlineTileLayer::OnlineTileLayer(QString urlTemplate, QString credit, QString cacheFolder,
                                 QObject* parent)
    : QObject(parent), m_template(std::move(urlTemplate)), m_credit(std::move(credit))
{
    auto* cache = new TileDiskCache(&m_network);
    cache->setCacheDirectory(cacheFolder);
    cache->setMaximumCacheSize(TileDiskCache::kMaxBytes);
    m_network.setCache(cache);
}

QUrl OnlineTileLayer::urlFor(int z, int x, int y) const
{
    QString url = m_template;
    url.replace(QLatin1String("{z}"), QString::number(z));
    url.replace(QLatin1String("{x}"), QString::number(x));
    url.replace(QLatin1String("{y}"), QString::number(y));
    return QUrl(url);
}

void OnlineTileLayer::request(int z, int x, int y)
{
    const QString key = QStringLiteral("%1/%2/%3").arg(z).arg(x).arg(y);
    if (m_pending.contains(key) || m_images.contains(key)) {
        return;
    }
    QNetworkRequest req(urlFor(z, x, y));
    req.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    // The cache first, even when the server would want it checked again.
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::PreferCache);
    req.setTransferTimeout(15000);
    m_pending.insert(key);
    ++m_requests;
    QNetworkReply* reply = m_network.get(req);
    connect(reply, &QNetworkReply::finished, this, [this, reply, key] {
        reply->deleteLater();
        m_pending.remove(key);
        QImage image;
        if (reply->error() != QNetworkReply::NoError || !image.loadFromData(reply->readAll())) {
            ++m_failures; // offline or a bad tile: the vector map shows through
            return;
        }
        m_images.insert(key, new QImage(std::move(image)));
        Q_EMIT tileArrived();
    });
}

void OnlineTileLayer::paint(QPainter& p, const MapViewport& vp)
{
    const int z = std::clamp(static_cast<int>(std::lround(vp.zoom())), 0, kMaxZoom);
    const double n = std::ldexp(1.0, z);
    const QRectF world = vp.visibleWorld();
    const int x0 = static_cast<int>(std::floor(world.left() * n));
    const int x1 = static_cast<int>(std::floor(world.right() * n));
    const int y0 = std::max(0, static_cast<int>(std::floor(world.top() * n)));
    const int y1 =
        std::min(static_cast<int>(n) - 1, static_cast<int>(std::floor(world.bottom() * n)));
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > kMaxTilesPerView) {
        return; // never a bulk download
    }
    p.save();
    p.setRenderHint(QPainter::SmoothPixmapTransform, true);
    for (int y = y0; y <= y1; ++y) {
        for (int x = x0; x <= x1; ++x) {
            const int wrapped =
                ((x % static_cast<int>(n)) + static_cast<int>(n)) % static_cast<int>(n);
            const QString key = QStringLiteral("%1/%2/%3").arg(z).arg(wrapped).arg(y);
            const QImage* image = m_images.object(key);
            if (image == nullptr) {
                request(z, wrapped, y);
                continue;
            }
            const QPointF topLeft = vp.worldToScreen({x / n, y / n});
            const QPointF bottomRight = vp.worldToScreen({(x + 1) / n, (y + 1) / n});
            p.drawImage(QRectF(topLeft, bottomRight), *image);
        }
    }
    p.restore();
}

} // namespace wake::ui
