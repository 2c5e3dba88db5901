#pragma once

// Splits one MMSI's positions into tracks that each could come from one
// ship, in the manner of Global Fishing Watch's segmenter (gpsdio-segment):
// several tracks stay open at once; each fix goes to the open track whose
// last fixes it could have come from at a credible speed, with a time
// padding, and opens a new track when none fits. A track that has heard
// nothing for maxHours is closed (by then a ship could be anywhere).
//
// The segmenter knows no store and no vessels: it numbers tracks per MMSI.
// Which tracks are one ship is the caller's business (io/track_sink chains
// a track to the vessel of a closed one; simultaneous tracks are ships of
// their own).

#include <cmath>
#include <cstdint>
#include <deque>
#include <vector>

namespace wake::tracks {

struct SegmenterRules
{
    // gpsdio-segment core.py DEFAULT_MAX_KNOTS: the speed no fix may imply
    // from a track's last fixes (after the padding below).
    double maxKnots = 25.0;
    // core.py DEFAULT_BUFFER_HOURS (10 min): added to the time between two
    // fixes, so receiver clock offsets and the GPS error of fixes seconds
    // apart never read as speed.
    double paddingHours = 10.0 / 60.0;
    // discrepancy.py shape_factor: a ship that reports no motion yet appears
    // elsewhere is less likely than one that moved as it said, so the
    // distance counts four times.
    double stationaryFactor = 4.0;
    // discrepancy.py very_slow: at or below this speed over ground a ship
    // reports no usable motion.
    double stationaryKnots = 0.35;
    // The gpsdio-segment README: "any break longer than max_hours=24 hours"
    // ends a track (later versions keep a week; on GFW's own test MMSI the
    // day agrees better with its split). A ship silent for longer is chained
    // back to its vessel by io/track_sink, so no vessel is split by it.
    double maxHours = 24.0;
    // core.py DEFAULT_PENALTY_HOURS and DEFAULT_HOURS_EXP: over long
    // silences a ship is not credited with the full maximum speed; the hours
    // count as h / sqrt(1 + a^2 h) with a = h / (24 + h).
    double penaltyHours = 24.0;
    double hoursExponent = 2.0;
    // core.py DEFAULT_SHORT_SEG_THRESHOLD / _WEIGHT and DEFAULT_SEG_LENGTH_WEIGHT:
    // among tracks that fit, short ones (under 10 fixes) weigh up to ten
    // times less, and a track half the longest's length up to twice less.
    double shortTrackFixes = 10.0;
    double shortTrackWeight = 10.0;
    double lengthWeight = 2.0;
    // A fix is compared with the track's last fix; when it fits no track so,
    // with the fix before (the last one was then an outlier: a bad GPS fix
    // that would otherwise pull the ship's track away from the ship).
    // gpsdio-segment looks back three fixes in the same way (DEFAULT_LOOKBACK).
    // Wake's bound on memory: an MMSI keeps at most this many open tracks
    // (the least recently heard is closed first). GFW's test MMSI 416000000
    // never has more than six open at once.
    int maxOpenTracks = 16;
    // Two receivers hearing one transmission give the same position a few
    // seconds apart (their clocks differ): within this time it is one fix.
    double repeatSeconds = 5.0;
};

// Speeds over ground that gpsdio-segment finds to be almost always noise
// (REPORTED_SPEED_EXCLUSION_RANGES: 51.2, 63 and 102.3 kn, the last two
// "not available" in types 27 and 1-3), and 102.2, which AIS sends for
// "102.2 kn or more": a fix with one tells nothing about where the ship can
// be, and is not used to split tracks.
bool isNoiseSpeed(float sogKnots);

struct SegmenterFix
{
    std::int64_t timeUtcMs = 0;
    double latDeg = 0;
    double lonDeg = 0;
    float sogKnots = NAN; // NaN: not reported
    float cogDeg = NAN;
};

class TrackSegmenter
{
public:
    explicit TrackSegmenter(SegmenterRules rules = {}) : m_rules(rules) {}
    const SegmenterRules& rules() const { return m_rules; }

    struct Assignment
    {
        int track = -1;              // this MMSI's track number, from 0
        bool opened = false;         // the fix opened this track
        bool repeat = false;         // the same position as the track's last fix, seconds apart
        bool skippedOutlier = false; // it continues the fix before the track's last one
    };

    // Fixes should come in time order; one that does not is compared by the
    // absolute time between (a file read twice, a late receiver).
    // excludedTracks: tracks the fix may not join (the caller knows it is
    // another ship's, for example from positions it has stored).
    Assignment add(const SegmenterFix& fix, const std::vector<int>& excludedTracks = {});

    // The fix belongs to this track (the caller matched it otherwise): it
    // continues the track, opened again from the fix when it had closed.
    // Returns the track's number (a new one when it had closed).
    int continueTrack(int track, const SegmenterFix& fix);

    // Whether a fix could follow `from` (the limit of add()); 0 is a perfect
    // fit, 1 the limit, negative: it cannot.
    double fitScore(const SegmenterFix& from, const SegmenterFix& fix) const
    {
        return fit(from, fix);
    }

    // Opens a track as if it had heard this fix (a track the store already
    // holds, so a later import continues it). Returns its number.
    int seed(const SegmenterFix& lastFix);

    // Tracks still open after the last fix added, with their last fix time.
    struct OpenTrack
    {
        int track = 0;
        std::int64_t lastUtcMs = 0;
        std::int64_t fixes = 0;
    };
    std::vector<OpenTrack> openTracks() const;
    int trackCount() const { return m_nextTrack; }

    // How far a fix is from where the track's fix `from` puts the ship, in
    // nautical miles (GFW's "discrepancy"): dead reckoning when both report
    // motion, else the distance (counted stationaryFactor times when both
    // report none).
    double discrepancyNm(const SegmenterFix& from, const SegmenterFix& to) const;

private:
    struct Track
    {
        int id = 0;
        std::deque<SegmenterFix> last; // the last two fixes
        std::int64_t fixes = 0;
        std::int64_t lastUtcMs = 0;
    };
    // 0 (a perfect fit) to 1 (at the limit); negative when it does not fit.
    double fit(const SegmenterFix& from, const SegmenterFix& fix) const;
    Track* bestTrack(const SegmenterFix& fix, bool skipLast, const std::vector<int>& excluded,
                     double& score);
    void append(Track& track, const SegmenterFix& fix);
    void closeStale(std::int64_t nowUtcMs);

    SegmenterRules m_rules;
    std::vector<Track> m_open;
    int m_nextTrack = 0;
};

} // namespace wake::tracks
