#!/usr/bin/env python3
"""Builds resources/scenario/chong-chon-gang.wake.json from the sourced fact sheet.

Usage: make_scenario.py FACTS_JSON OUT_JSON

The output is Wake's scenario format (see resources/scenario/README.md). Every
value keeps its sources and confidence. Nothing is added that the fact sheet
does not say: titles are the event kind plus the reported place, reported
positions are the port reference points of dated ship events, and dates stay
calendar dates (the app never shows an hour for them).
"""
import json
import sys

COUNTRY_ALPHA2 = {"North Korea": "KP", "Russia": "RU", "Panama": "PA", "Cuba": "CU"}
FLAG_ALPHA2 = {"North Korea (DPRK)": "KP"}

VESSEL_LABELS = {
    "name": "Name", "later_name": "Later name", "imo": "IMO number", "mmsi": "MMSI",
    "call_sign": "Call sign", "flag": "Flag", "port_of_registry": "Port of registry",
    "vessel_type": "Type", "builder": "Builder", "year_built": "Year built",
    "gross_tonnage": "Gross tonnage", "deadweight": "Deadweight", "length_m": "Length",
    "beam_m": "Beam", "draft_m": "Draught", "service_speed_kn": "Service speed",
    "classification_society": "Class society", "owner": "Owner",
    "operator_manager": "Operator / manager", "crew_count": "Crew", "master": "Master",
    "other_officers_charged": "Other officers charged",
}
CARGO_LABELS = {
    "declared_manifest": "Declared manifest", "sugar_tonnes": "Sugar",
    "sugar_bags": "Sugar bags", "weapons_tonnage_declared_by_cuba": "Arms (Cuba's figure)",
    "weapons_pounds_529000": "\"529,000 pounds\"", "cuban_statement_items": "Cuban list",
    "containers_found": "Containers found", "military_vehicles_found": "Military vehicles found",
    "holds": "Holds", "other_items_reported": "Other items reported",
    "panel_observations_on_cargo": "UN Panel on the cargo", "concealment": "Concealment",
}
LEGAL_LABELS = {
    "unscr_1718_2006": "UNSC resolution 1718 (2006)",
    "unscr_1874_2009": "UNSC resolution 1874 (2009)",
    "unscr_2094_2013": "UNSC resolution 2094 (2013)",
    "panel_of_experts_report": "UN Panel of Experts report",
    "un_designation": "UN designation", "us_designation": "U.S. designation",
    "panama_canal_fine": "Panama Canal fine", "panama_criminal_case": "Panama criminal case",
    "ofac_sdn_vessel_listing_2024": "OFAC SDN list (3 May 2024)",
    "vessel_own_listing_date": "Vessel's own listing",
}
KIND_TITLES = {
    "departure": "Departure", "arrival": "Arrival", "ais_off": "AIS off", "ais_on": "AIS on",
    "transit": "Transit", "inspection": "Inspection", "seizure": "Seizure",
    "release": "Release", "boarding": "Boarding", "other": "",
}


def text_of(value, unit=None):
    """A display string for a fact value; None stays None (unknown)."""
    if value is None:
        return None
    if isinstance(value, list):
        return "; ".join(text_of(v) for v in value)
    if isinstance(value, dict):
        parts = []
        for k, v in value.items():
            parts.append(f"{k}: {text_of(v)}")
        return "\n".join(parts)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    s = f"{value:,}" if isinstance(value, int) and abs(value) >= 10000 else str(value)
    return f"{s} {unit}" if unit else s


def facts_of(section, entries, labels, sources):
    out = []
    for key, entry in entries.items():
        for s in entry.get("source", []):
            sources[s["id"]] = {"id": s["id"], "title": s["title"], "url": s["url"]}
        fact = {
            "section": section, "key": key, "label": labels.get(key, key),
            "value": text_of(entry.get("value"), entry.get("unit")),
            "confidence": entry["confidence"],
            "sources": [s["id"] for s in entry.get("source", [])],
        }
        if entry.get("note"):
            fact["note"] = entry["note"]
        out.append(fact)
    return out


def main(facts_path, out_path):
    facts = json.load(open(facts_path, encoding="utf-8"))
    sources = {}
    v = facts["vessel"]
    vessel_facts = facts_of("identity", v, VESSEL_LABELS, sources)
    vessel_facts += facts_of("cargo", facts["cargo"], CARGO_LABELS, sources)
    vessel_facts += facts_of("legal", facts["legal"], LEGAL_LABELS, sources)

    identity = {
        "name": "Chong Chon Gang",
        "imo": int(v["imo"]["value"]),
        "mmsi": v["mmsi"]["value"],  # unknown: stays null
        "callSign": v["call_sign"]["value"],
        "flag": FLAG_ALPHA2[v["flag"]["value"]],
        "vesselType": v["vessel_type"]["value"],
        "yearBuilt": v["year_built"]["value"],
        "grossTonnage": v["gross_tonnage"]["value"],
        "deadweightT": v["deadweight"]["value"],
        "lengthM": v["length_m"]["value"],
        "beamM": v["beam_m"]["value"],
        "draughtM": v["draft_m"]["value"],
        "owner": v["owner"]["value"],
        "operator": v["operator_manager"]["value"],
        "crew": v["crew_count"]["value"],
    }
    names = [
        {"name": "Chong Chon Gang", "from": "1977-07", "to": "2014-10",
         "sources": [s["id"] for s in v["name"]["source"]]},
        {"name": "Tong Hung San", "from": "2014-10", "to": None,
         "sources": [s["id"] for s in v["later_name"]["source"]]},
    ]

    ports = []
    for p in facts["ports"]:
        for s in p["source"]:
            sources[s["id"]] = {"id": s["id"], "title": s["title"], "url": s["url"]}
        kind = "lock" if "Locks" in p["name"] else ("terminal" if "Terminal" in p["name"] else "port")
        ports.append({
            "locode": p["locode"], "name": p["name"], "country": COUNTRY_ALPHA2[p["country"]],
            "lat": p["lat"], "lon": p["lon"], "kind": kind, "role": p["role"],
            "confidence": p["confidence"], "sources": [s["id"] for s in p["source"]],
            "note": p.get("note"),
        })

    events = []
    for e in facts["timeline"]:
        for s in e["source"]:
            sources[s["id"]] = {"id": s["id"], "title": s["title"], "url": s["url"]}
        kind_title = KIND_TITLES[e["kind"]]
        place = e["place"]
        title = f"{kind_title}: {place}" if kind_title else place
        events.append({
            "time": e["time"], "kind": e["kind"], "title": title, "place": place,
            "lat": e["lat"], "lon": e["lon"], "coordBasis": e["coord_basis"],
            "description": e["description"], "confidence": e["confidence"],
            "sources": [s["id"] for s in e["source"]], "shipEvent": e["ship_event"],
            "category": "voyage-2013" if e["time"] < "2013-08" else "aftermath",
        })
    for h in facts["history"]:
        for s in h["source"]:
            sources[s["id"]] = {"id": s["id"], "title": s["title"], "url": s["url"]}
        events.append({
            "time": h["time"], "kind": "other", "title": h["description"].split(";")[0].rstrip("."),
            "place": None, "lat": None, "lon": None, "coordBasis": "none",
            "description": h["description"], "confidence": h["confidence"],
            "sources": [s["id"] for s in h["source"]], "shipEvent": True, "category": "history",
        })

    # Reported positions: dated ship events at a port reference point. These are
    # where a source places the ship on a date, drawn at the port's reference point.
    reported = []
    for e in facts["timeline"]:
        if not e["ship_event"] or e["lat"] is None or "/" in e["time"]:
            continue
        reported.append({"date": e["time"], "lat": e["lat"], "lon": e["lon"],
                         "place": e["place"], "coordBasis": e["coord_basis"],
                         "sources": [s["id"] for s in e["source"]], "confidence": e["confidence"]})

    legs = [
        ("RUVYP", "PABLB", "2013-04-12", "2013-05-31", "Pacific crossing (AIS off, route not reported)"),
        ("PABLB", None, "2013-05-31", "2013-06-01", "Panama Canal northbound (Miraflores, Gatun)"),
        (None, "CUHAV", "2013-06-01", "2013-06-04", "Round the western tip of Cuba to Havana"),
        ("CUHAV", "CUMAR", "2013-06-09", "2013-06-20", "Havana, drifting north of Cuba, Mariel"),
        ("CUMAR", "CUPPA", "2013-06-22", "2013-06-24", "Mariel to Puerto Padre"),
        ("CUPPA", "PAMIT", "2013-07-05", "2013-07-11", "Puerto Padre to the Atlantic entrance of the canal"),
    ]
    voyages = [
        {"id": "cuba-panama-2013", "name": "Cuba → Panama (Puerto Padre → Colón), July 2013",
         "origin": "CUPPA", "destination": "PAMIT", "departure": "2013-07-05", "arrival": "2013-07-11",
         "legs": [{"from": a, "to": b, "depart": d, "arrive": r, "note": n} for a, b, d, r, n in legs[-1:]],
         "default": True},
        {"id": "voyage-2013", "name": "Vostochny → Panama → Cuba → Colón, April–July 2013",
         "origin": "RUVYP", "destination": "PAMIT", "departure": "2013-04-12", "arrival": "2013-07-11",
         "legs": [{"from": a, "to": b, "depart": d, "arrive": r, "note": n} for a, b, d, r, n in legs]},
    ]

    out = {
        "format": "wake.scenario", "formatVersion": 1,
        "id": "chong-chon-gang-2013",
        "title": "Chong Chon Gang: Cuba to Panama, 2013",
        "derivedFrom": "tests/data/scenario/chong-chon-gang-facts.json",
        "notes": facts["notes"],
        "sources": sorted(sources.values(), key=lambda s: int(s["id"][1:])),
        "vessel": {"identity": identity, "names": names, "facts": vessel_facts},
        "ports": ports, "events": events, "reportedPositions": reported, "voyages": voyages,
    }
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
