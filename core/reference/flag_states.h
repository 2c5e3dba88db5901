#pragma once

// Flag states and the ITU Maritime Identification Digits (MID) table: which
// country a ship's MMSI says it is registered in.

#include "core/model/flag_state.h"
#include "core/util/result.h"

#include <QHash>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace wake::reference {

struct MidEntry
{
    int mid = 0;
    QString alpha2;
    QString ituName;     // "Portugal - Azores"
    QString subdivision; // ISO 3166-2 where the MID is for part of a country
};

class FlagStates
{
public:
    // The tables built into the application.
    static Result<FlagStates> loadBuiltIn();
    // From CSV files with the columns of resources/tables (tests use this).
    static Result<FlagStates> load(const QString& midCsvPath, const QString& isoCsvPath);

    // The MID of a ship station MMSI (9 digits, first digit 2-7), else nullopt.
    // Coast stations (00MID...), group calls (0MID...), SAR aircraft (111MID...),
    // aids to navigation (99MID...), craft with a parent ship (98MID...) and
    // devices (970..., 972..., 974...) are not ships and get no flag.
    static std::optional<int> shipStationMid(std::uint32_t mmsi);

    const model::FlagState* byAlpha2(const QString& alpha2) const;
    const MidEntry* midEntry(int mid) const;
    // Flag state of a ship station MMSI; nullptr when unknown.
    const model::FlagState* forMmsi(std::uint32_t mmsi) const;

    // English country name for an ISO alpha-2 code (any country, not only flag states).
    QString countryName(const QString& alpha2) const;
    // ISO alpha-2 for an ISO 3166-1 numeric code ("192" -> "CU").
    QString alpha2ForNumeric(const QString& numeric) const;
    // ISO alpha-2 for a country as lists write it: an alpha-2 or alpha-3
    // code, the English name or a common variant ("Democratic People's
    // Republic of Korea", "St. Kitts & Nevis", "Korea, North", "Turkey").
    // Empty when it is none of these.
    QString alpha2ForCountry(const QString& text) const;

    std::size_t midCount() const { return m_mids.size(); }
    const std::vector<model::FlagState>& states() const { return m_states; }

private:
    std::vector<model::FlagState> m_states;
    QHash<QString, int> m_stateByAlpha2;
    std::vector<MidEntry> m_mids;
    QHash<int, int> m_midIndex;
    QHash<QString, QString> m_countryNames;
    QHash<QString, QString> m_alpha2ByNumeric;
    QHash<QString, QString> m_alpha2ByName; // keyed by countryKey()
};

} // namespace wake::reference
