#pragma once

#include <QString>

#include <vector>

namespace wake::model {

// A flag state: the country (or territory) a ship is registered in.
struct FlagState
{
    QString alpha2;        // ISO 3166-1 alpha-2 ("KP"); "AC" for Ascension, as ITU lists it
    QString alpha3;        // "PRK"
    QString name;          // English short name ("Korea (Democratic People's Republic of)")
    QString flagSvg;       // file name in the flags resource ("kp.svg")
    std::vector<int> mids; // Maritime Identification Digits assigned to it

    bool isValid() const { return !alpha2.isEmpty(); }
};

} // namespace wake::model
