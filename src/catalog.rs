//! The built-in starter catalogue: generic camera types with typical optics and
//! **example** prices (marked `example_prices`), for people to copy into their
//! scenario and edit. Prices are plausible list prices in euros for
//! professional IP cameras in 2025, not quotes.

use crate::scenario::{CameraModel, ModelKind, Projection};

/// A 1/2.7" 16:9 sensor (4 MP class), millimetres.
const SENSOR_QUARTER: [f64; 2] = [5.37, 3.02];
/// A 1/1.8" 16:9 sensor (8 MP class), millimetres.
const SENSOR_EIGHTH: [f64; 2] = [7.18, 4.04];

#[allow(clippy::too_many_arguments)]
fn model(
    id: &str,
    name: &str,
    kind: ModelKind,
    resolution: [f64; 2],
    range: f64,
    price: f64,
    install: f64,
) -> CameraModel {
    CameraModel {
        id: id.to_string(),
        name: name.to_string(),
        kind: Some(kind),
        resolution_px: Some(resolution),
        range_m: Some(range),
        unit_price: Some(price),
        install_cost: Some(install),
        // Taking a camera down is an electrician's short visit: about 40 % of
        // fitting it (an example, like the prices).
        removal_cost: Some((install * 0.4).round()),
        example_prices: true,
        ..Default::default()
    }
}

/// The starter catalogue.
pub fn starter_catalog() -> Vec<CameraModel> {
    let fixed =
        |id: &str, name: &str, kind, res, sensor, focal, range, price, install| CameraModel {
            sensor_mm: Some(sensor),
            focal_mm: Some(focal),
            ..model(id, name, kind, res, range, price, install)
        };
    vec![
        fixed(
            "dome-4mp-2.8mm",
            "Fixed dome 4 MP, 2.8 mm",
            ModelKind::Dome,
            [2688.0, 1520.0],
            SENSOR_QUARTER,
            2.8,
            30.0,
            290.0,
            160.0,
        ),
        fixed(
            "dome-4mp-4mm",
            "Fixed dome 4 MP, 4 mm",
            ModelKind::Dome,
            [2688.0, 1520.0],
            SENSOR_QUARTER,
            4.0,
            30.0,
            290.0,
            160.0,
        ),
        fixed(
            "bullet-8mp-6mm",
            "Fixed bullet 8 MP, 6 mm",
            ModelKind::Bullet,
            [3840.0, 2160.0],
            SENSOR_EIGHTH,
            6.0,
            50.0,
            450.0,
            190.0,
        ),
        fixed(
            "bullet-8mp-12mm",
            "Fixed bullet 8 MP, 12 mm",
            ModelKind::Bullet,
            [3840.0, 2160.0],
            SENSOR_EIGHTH,
            12.0,
            80.0,
            520.0,
            190.0,
        ),
        CameraModel {
            sensor_mm: Some(SENSOR_QUARTER),
            focal_range_mm: Some([2.8, 12.0]),
            ..model(
                "varifocal-4mp-2.8-12mm",
                "Varifocal bullet 4 MP, 2.8-12 mm",
                ModelKind::Varifocal,
                [2688.0, 1520.0],
                50.0,
                560.0,
                200.0,
            )
        },
        CameraModel {
            projection: Some(Projection::Panoramic),
            hfov_deg: Some(180.0),
            vfov_deg: Some(50.0),
            ..model(
                "panoramic-180-8mp",
                "Panoramic 180°, 8 MP",
                ModelKind::Panoramic,
                [5120.0, 1440.0],
                30.0,
                980.0,
                260.0,
            )
        },
        CameraModel {
            projection: Some(Projection::Fisheye),
            hfov_deg: Some(360.0),
            vfov_deg: Some(180.0),
            ..model(
                "fisheye-360-12mp",
                "Fisheye 360°, 12 MP (ceiling)",
                ModelKind::Fisheye,
                [3000.0, 3000.0],
                15.0,
                820.0,
                220.0,
            )
        },
        CameraModel {
            sensor_mm: Some(SENSOR_QUARTER),
            focal_range_mm: Some([4.8, 120.0]),
            ..model(
                "ptz-4mp-25x",
                "PTZ 4 MP, 25x zoom (at its current aim)",
                ModelKind::Ptz,
                [2560.0, 1440.0],
                150.0,
                1900.0,
                420.0,
            )
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Camera, Scenario};

    #[test]
    fn starter_models_are_valid_and_resolve_their_optics() {
        let catalog = starter_catalog();
        let cameras: Vec<Camera> = catalog
            .iter()
            .enumerate()
            .map(|(i, m)| Camera {
                id: format!("c{i}"),
                model: Some(m.id.clone()),
                heading_deg: 0.0,
                height_m: Some(3.0),
                tilt_deg: Some(20.0),
                ..Default::default()
            })
            .collect();
        let mut scenario = crate::generator::generate(&crate::generator::GeneratorOptions {
            wall_segments: 10,
            cameras: 0,
            seed: 1,
            mounted: false,
        });
        scenario.catalog = catalog;
        scenario.cameras = cameras;
        let text = scenario.to_json();
        let (back, warnings) = Scenario::from_json(&text).expect("the starter catalogue is valid");
        assert!(warnings.list.is_empty());
        for camera in &back.cameras {
            let spec = back.spec(camera).expect("optics resolve");
            assert!(spec.hfov_deg > 0.0 && spec.hfov_deg <= 360.0);
            assert!(spec.mount.is_some() && spec.sensor.is_some());
        }
        assert!(back.catalog.iter().all(|m| m.example_prices));
    }
}
