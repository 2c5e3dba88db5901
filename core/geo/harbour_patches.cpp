#include "core/geo/harbour_patches.h"

#include "core/geo/coast_tiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace wake::geo {

bool HarbourPatch::isLand(const model::LatLon& p) const
{
    bool inside = false;
    for (const auto& ring : land) {
        if (ringContains(ring, p)) {
            inside = !inside;
        }
    }
    return inside;
}

QString HarbourPatches::defaultPath()
{
    // Next to the coastline file, wherever that was found.
    return QFileInfo(CoastTiles::defaultPath())
        .dir()
        .filePath(QStringLiteral("osm-harbour-patches.json"));
}

std::shared_ptr<HarbourPatches> HarbourPatches::shared()
{
    static const std::shared_ptr<HarbourPatches> patches = [] {
        auto opened = open(defaultPath());
        return opened ? *opened : std::shared_ptr<HarbourPatches>();
    }();
    return patches;
}

Result<std::shared_ptr<HarbourPatches>> HarbourPatches::open(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{Error::Code::NotFound,
                     QStringLiteral("cannot open the harbour patches: %1").arg(file.errorString()),
                     path};
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return Error{Error::Code::Damaged,
                     QStringLiteral("the harbour patches are damaged (%1); reinstall Wake")
                         .arg(parseError.errorString()),
                     path};
    }
    auto out = std::make_shared<HarbourPatches>();
    for (const QJsonValue& v : doc.object().value(QStringLiteral("patches")).toArray()) {
        const QJsonObject o = v.toObject();
        const QJsonArray box = o.value(QStringLiteral("box")).toArray();
        if (box.size() != 4) {
            return Error{Error::Code::Damaged, QStringLiteral("a harbour patch has no box"), path};
        }
        HarbourPatch patch;
        patch.port = o.value(QStringLiteral("port")).toString();
        patch.southWest = {box[0].toDouble(), box[1].toDouble()};
        patch.northEast = {box[2].toDouble(), box[3].toDouble()};
        for (const QJsonValue& ringValue : o.value(QStringLiteral("land")).toArray()) {
            std::vector<model::LatLon> ring;
            for (const QJsonValue& pv : ringValue.toArray()) {
                const QJsonArray pt = pv.toArray();
                ring.push_back({pt[1].toDouble(), pt[0].toDouble()});
            }
            if (ring.size() >= 3) {
                patch.land.push_back(std::move(ring));
            }
        }
        out->m_patches.push_back(std::move(patch));
    }
    return out;
}

const HarbourPatch* HarbourPatches::at(const model::LatLon& p) const
{
    for (const HarbourPatch& patch : m_patches) {
        if (patch.contains(p)) {
            return &patch;
        }
    }
    return nullptr;
}

} // namespace wake::geo
