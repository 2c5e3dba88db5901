#pragma once

// The vessel details as HTML for a QTextBrowser: every value with its
// confidence and source links; unknown values say so.

#include "core/investigate/case_file.h"
#include "core/investigate/same_hull.h"
#include "core/lists/list_matcher.h"
#include "core/model/attribution.h"
#include "core/model/vessel.h"
#include "core/model/voyage.h"

#include <QString>

#include <vector>

namespace wake::reference {
class FlagStates;
}

namespace wake::ui {

// sharing: the other vessels with this vessel's MMSI (ships that transmit it
// too, told apart by their tracks), listed under the MMSI. listMatches: the
// sanctions and watch lists it is on, right under its name.
QString vesselDetailsHtml(const model::Vessel& vessel, const std::vector<model::Source>& sources,
                          const reference::FlagStates* flags,
                          const std::vector<model::Vessel>& sharing = {},
                          const std::vector<lists::ListMatch>& listMatches = {},
                          const std::vector<investigate::SameHull>& sameHull = {});

// "On a list": each match with its list, entry, what matched and the list's
// date; a match by name reads as possible. Empty without matches.
QString listMatchesHtml(const std::vector<lists::ListMatch>& matches);

// "MMSI shared with 2 other transmitters: #958 RICE QUARTERS, #959" and
// whether the MMSI is a placeholder; empty when neither applies.
QString mmsiIdentityNote(const model::Vessel& vessel, const std::vector<model::Vessel>& sharing);

// "Case notes": the notes and bookmarks kept on the vessel, with who and when.
QString caseNotesHtml(const std::vector<investigate::CaseNote>& notes);

// "Behaviour": the profile's lines (investigate/profile_text.h).
QString behaviourHtml(const std::vector<std::pair<QString, QString>>& lines);

// The vessel's voyages, reported and detected; each name links to
// "voyage:N", N its index in the list (and in the window's voyage chooser).
QString voyagesTableHtml(const std::vector<model::Voyage>& voyages);

} // namespace wake::ui
