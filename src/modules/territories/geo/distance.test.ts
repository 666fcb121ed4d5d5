import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { boundingBox, haversineKm } from './distance.js';

/** City centres as published (degrees, minutes, seconds from the cities' encyclopaedia entries). */
const dms = (d: number, m: number, s: number) => d + m / 60 + s / 3600;
const PARIS = { lat: dms(48, 51, 24), lon: dms(2, 21, 8) };
const LYON = { lat: dms(45, 45, 35), lon: dms(4, 50, 32) };
const MARSEILLE = { lat: dms(43, 17, 47), lon: dms(5, 22, 12) };
const LILLE = { lat: dms(50, 37, 40), lon: dms(3, 3, 30) };

describe('haversineKm', () => {
  test('gives the distances known as the crow flies between French cities, within 2 km', () => {
    const known: Array<[string, { lat: number; lon: number }, { lat: number; lon: number }, number]> = [
      ['Paris – Lyon', PARIS, LYON, 392],
      ['Paris – Marseille', PARIS, MARSEILLE, 661],
      ['Lyon – Marseille', LYON, MARSEILLE, 278],
      ['Paris – Lille', PARIS, LILLE, 204],
    ];
    for (const [what, a, b, km] of known) {
      const d = haversineKm(a, b);
      assert.ok(Math.abs(d - km) < 2, `${what}: ${d.toFixed(1)} km, connu ${km} km`);
    }
  });

  test('a degree of latitude is 1/360 of a meridian circle; symmetric; zero for the same point', () => {
    // 2π × 6371.0088 km / 360 = 111.195 km.
    assert.ok(Math.abs(haversineKm({ lat: 45, lon: 3 }, { lat: 46, lon: 3 }) - 111.195) < 0.001);
    // From the equator to a pole: a quarter of the circumference, π × 6371.0088 / 2 = 10,007.557 km.
    assert.ok(Math.abs(haversineKm({ lat: 0, lon: 0 }, { lat: 90, lon: 0 }) - 10_007.557) < 0.01);
    // Antipodes: half of it (20,015.114 km), without NaN from rounding.
    assert.ok(Math.abs(haversineKm({ lat: 10, lon: 20 }, { lat: -10, lon: -160 }) - 20_015.114) < 0.01);
    assert.equal(haversineKm(PARIS, LYON), haversineKm(LYON, PARIS));
    assert.equal(haversineKm(PARIS, PARIS), 0);
  });
});

describe('boundingBox', () => {
  test('holds every point within the distance, in every direction, at every latitude of France', () => {
    // Points at exactly `km` in 72 bearings (the destination-point formula on the sphere), slightly inside.
    const R = 6371.0088;
    const rad = (d: number) => (d * Math.PI) / 180;
    const deg = (r: number) => (r * 180) / Math.PI;
    for (const centre of [PARIS, MARSEILLE, { lat: -20.88, lon: 55.45 }, { lat: 4.93, lon: -52.33 }]) {
      for (const km of [5, 20, 100, 1000]) {
        const box = boundingBox(centre, km);
        const delta = (km * 0.999) / R;
        for (let bearing = 0; bearing < 360; bearing += 5) {
          const φ1 = rad(centre.lat);
          const λ1 = rad(centre.lon);
          const θ = rad(bearing);
          const φ2 = Math.asin(Math.sin(φ1) * Math.cos(delta) + Math.cos(φ1) * Math.sin(delta) * Math.cos(θ));
          const λ2 =
            λ1 +
            Math.atan2(
              Math.sin(θ) * Math.sin(delta) * Math.cos(φ1),
              Math.cos(delta) - Math.sin(φ1) * Math.sin(φ2),
            );
          const p = { lat: deg(φ2), lon: deg(λ2) };
          assert.ok(haversineKm(centre, p) <= km, 'the point is within reach');
          assert.ok(
            p.lat >= box.minLat && p.lat <= box.maxLat && p.lon >= box.minLon && p.lon <= box.maxLon,
            `${JSON.stringify(centre)} ${km} km, cap ${bearing}° : ${JSON.stringify(p)} hors de ${JSON.stringify(box)}`,
          );
        }
      }
    }
  });

  test('is not much larger than needed (a degree of latitude is 111 km), and covers every longitude near a pole', () => {
    const box = boundingBox({ lat: 45, lon: 5 }, 111.195);
    assert.ok(Math.abs(box.maxLat - 46) < 1e-6 && Math.abs(box.minLat - 44) < 1e-6);
    assert.ok(box.maxLon - box.minLon < 3);
    assert.deepEqual(
      {
        minLon: boundingBox({ lat: 89.5, lon: 0 }, 100).minLon,
        maxLon: boundingBox({ lat: 89.5, lon: 0 }, 100).maxLon,
      },
      { minLon: -180, maxLon: 180 },
    );
  });
});
