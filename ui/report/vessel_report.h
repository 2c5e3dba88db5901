#pragma once

// A vessel report an analyst can publish: identity and list matches, a map
// of the span drawn by the window's renderer, the timeline, the behaviour
// summary, an annex of events with their evidence and rule values, every
// source with its link, the data with SHA-256 sums, and what AIS can and
// cannot show. Written as PDF (Qt's own writer) or self-contained HTML.

#include "core/investigate/case_file.h"
#include "core/investigate/vessel_profile.h"
#include "core/model/attribution.h"
#include "core/model/event.h"
#include "core/store/database.h"
#include "core/util/result.h"

#include <QImage>
#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace wake::reference {
class PortIndex;
class FlagStates;
} // namespace wake::reference

namespace wake::ui {

struct ReportData
{
    investigate::VesselProfile profile;                  // its vessel, span and list matches too
    std::vector<model::Event> events;                    // in the span, in time order
    std::vector<model::Source> sources;                  // every source the facts and events cite
    std::map<std::int64_t, QString> rules;               // analysis rule values by id (JSON)
    std::map<QString, investigate::EventReview> reviews; // by event key
    std::vector<investigate::CaseNote> notes;            // on the vessel
    QImage map;
    struct DataFile
    {
        QString what;
        QString origin;
        QString sha256;
    };
    std::vector<DataFile> data;
    QString database; // where it was read
    QString generatedUtc;
};

Result<ReportData> gatherReport(store::Database& db, model::VesselId id,
                                std::optional<std::int64_t> fromUtcMs,
                                std::optional<std::int64_t> toUtcMs,
                                const reference::PortIndex* ports, QSize mapSize = {1400, 900});

enum class ReportImages
{
    Embedded,  // data: URIs, for a self-contained HTML file
    Resources, // "wake-map.png", added to the QTextDocument
};
QString reportHtml(const ReportData& data, const reference::FlagStates* flags, ReportImages images);

// FILE.pdf or FILE.html (by its suffix); anything else is refused.
Status writeReport(const ReportData& data, const reference::FlagStates* flags, const QString& path);

} // namespace wake::ui
