#pragma once

// The words a card uses for a detected event's evidence. The detectors store
// evidence under short JSON keys with the unit in the name ("durationH",
// "fromPreviousKnots"); a reader of the card gets a label and a value with
// its unit instead ("Duration", "4.3 h"). Keys this table does not know are
// still shown, split into words, so nothing stored is hidden.

#include "core/model/event.h"

#include <QJsonValue>
#include <QString>

namespace wake::ui {

// "fromPreviousKnots" → "Speed from the previous fix"; an unknown
// "someNewValueKm" → "Some new value".
QString evidenceLabel(const QString& key);
// The value with the unit the key names: 4.3 under "durationH" → "4.3 h",
// true → "yes". Objects and arrays are not handled here (the card shows fixes
// and ports itself).
QString evidenceValueText(const QString& key, const QJsonValue& value);
// The rule values of the detector that made an event of this kind, from the
// rules JSON stored with it (analysis_rules), as table rows; empty when the
// kind has no rules of its own or the JSON is unreadable.
QString ruleValuesHtml(model::EventKind kind, const QString& rulesJson);

} // namespace wake::ui
