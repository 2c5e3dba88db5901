#pragma once

// "Identity over time" in the details: each identity value (name, call sign,
// IMO, flag, ship type, dimensions, destination, draught) with the period it
// was used and where it is known from (AIS static data, a source of the
// scenario, a list); the same hull under other MMSIs (the same IMO number,
// or possibly, a hand-over of one track to another);
// the names the lists give it.

#include "core/investigate/same_hull.h"
#include "core/lists/list_matcher.h"
#include "core/model/attribution.h"
#include "core/model/vessel.h"

#include <QHash>
#include <QString>

#include <vector>

namespace wake::ui {

QString identityTimelineHtml(const model::Vessel& vessel,
                             const QHash<QString, model::Source>& sourcesById,
                             const std::vector<investigate::SameHull>& sameHull,
                             const std::vector<lists::ListMatch>& listMatches);

} // namespace wake::ui
