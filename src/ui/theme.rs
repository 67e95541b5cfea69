//! Colours and text styles: a newspaper locator map's muted palette, in a
//! light and a dark variant.

use egui::{Color32, FontFamily, FontId, TextStyle};

/// The map and highlight colours for one theme.
pub struct Palette {
    pub sea: Color32,
    pub land: Color32,
    pub focus_land: Color32,
    pub story_land: Color32,
    pub selected_land: Color32,
    pub border: Color32,
    pub coast: Color32,
    /// Context: first-level and county boundaries, rivers, town and region names.
    pub admin1_line: Color32,
    pub county_line: Color32,
    pub river: Color32,
    pub town_label: Color32,
    pub region_label: Color32,
    pub country_label: Color32,
    pub sea_label: Color32,
    pub marker: Color32,
    pub marker_outline: Color32,
    pub area_fill: Color32,
    pub area_stroke: Color32,
    pub halo: Color32,
    pub hover_halo: Color32,
    pub label: Color32,
    pub label_halo: Color32,
    /// Background of a mention of the selected place.
    pub mention_selected: Color32,
    /// Background of the mention the reader is at.
    pub mention_current: Color32,
    /// Background of a mention of the hovered place.
    pub mention_hovered: Color32,
    /// Background of any other linked mention.
    pub mention_linked: Color32,
}

impl Palette {
    pub fn for_dark_mode(dark: bool) -> &'static Palette {
        if dark { &DARK } else { &LIGHT }
    }
}

const LIGHT: Palette = Palette {
    sea: Color32::from_rgb(0xd4, 0xe4, 0xef),
    land: Color32::from_rgb(0xe8, 0xe3, 0xda),
    focus_land: Color32::from_rgb(0xf8, 0xf5, 0xef),
    story_land: Color32::from_rgb(0xf2, 0xee, 0xe6),
    selected_land: Color32::from_rgb(0xfb, 0xe9, 0xc4),
    border: Color32::from_rgb(0xa9, 0xa0, 0x94),
    coast: Color32::from_rgb(0x86, 0xa3, 0xb9),
    admin1_line: Color32::from_rgb(0xbd, 0xb3, 0xa6),
    county_line: Color32::from_rgb(0xd4, 0xcc, 0xc0),
    river: Color32::from_rgb(0x9c, 0xbb, 0xd2),
    town_label: Color32::from_rgb(0x6a, 0x64, 0x5c),
    region_label: Color32::from_rgb(0x9a, 0x8f, 0x82),
    country_label: Color32::from_rgb(0x7a, 0x72, 0x68),
    sea_label: Color32::from_rgb(0x4f, 0x7d, 0xa3),
    marker: Color32::from_rgb(0x9b, 0x1c, 0x1c),
    marker_outline: Color32::WHITE,
    area_fill: Color32::from_rgba_premultiplied(0x60, 0x18, 0x18, 0x38),
    area_stroke: Color32::from_rgb(0x9b, 0x1c, 0x1c),
    halo: Color32::from_rgba_premultiplied(0xe0, 0x8a, 0x00, 0xb0),
    hover_halo: Color32::from_rgba_premultiplied(0x90, 0x60, 0x00, 0x60),
    label: Color32::from_rgb(0x22, 0x22, 0x22),
    label_halo: Color32::from_rgba_premultiplied(0xf8, 0xf5, 0xef, 0xd0),
    mention_selected: Color32::from_rgb(0xfc, 0xe3, 0xa6),
    mention_current: Color32::from_rgb(0xf5, 0xb8, 0x41),
    mention_hovered: Color32::from_rgb(0xfd, 0xef, 0xcf),
    mention_linked: Color32::from_rgb(0xe6, 0xee, 0xf5),
};

const DARK: Palette = Palette {
    sea: Color32::from_rgb(0x1b, 0x26, 0x33),
    land: Color32::from_rgb(0x3a, 0x38, 0x35),
    focus_land: Color32::from_rgb(0x4c, 0x49, 0x44),
    story_land: Color32::from_rgb(0x42, 0x40, 0x3c),
    selected_land: Color32::from_rgb(0x5e, 0x4f, 0x2f),
    border: Color32::from_rgb(0x6e, 0x68, 0x60),
    coast: Color32::from_rgb(0x55, 0x74, 0x8c),
    admin1_line: Color32::from_rgb(0x5c, 0x57, 0x50),
    county_line: Color32::from_rgb(0x4a, 0x47, 0x43),
    river: Color32::from_rgb(0x3d, 0x5a, 0x72),
    town_label: Color32::from_rgb(0xa6, 0xa0, 0x96),
    region_label: Color32::from_rgb(0x8c, 0x84, 0x78),
    country_label: Color32::from_rgb(0xb0, 0xa8, 0x9c),
    sea_label: Color32::from_rgb(0x86, 0xae, 0xcf),
    marker: Color32::from_rgb(0xf0, 0x6a, 0x5a),
    marker_outline: Color32::from_rgb(0x20, 0x20, 0x20),
    area_fill: Color32::from_rgba_premultiplied(0x60, 0x22, 0x1e, 0x50),
    area_stroke: Color32::from_rgb(0xf0, 0x6a, 0x5a),
    halo: Color32::from_rgba_premultiplied(0xe0, 0x9a, 0x20, 0xc0),
    hover_halo: Color32::from_rgba_premultiplied(0x90, 0x70, 0x20, 0x70),
    label: Color32::from_rgb(0xee, 0xee, 0xee),
    label_halo: Color32::from_rgba_premultiplied(0x20, 0x20, 0x20, 0xc0),
    mention_selected: Color32::from_rgb(0x6b, 0x52, 0x1a),
    mention_current: Color32::from_rgb(0xa8, 0x74, 0x10),
    mention_hovered: Color32::from_rgb(0x4a, 0x3d, 0x20),
    mention_linked: Color32::from_rgb(0x2c, 0x36, 0x42),
};

/// A subset of DejaVu Sans (`tools/fonts/build_fallback_font.sh`) for what
/// egui's own fonts lack: arrows, shapes, Vietnamese letters and the dotted
/// letters of transliterated Arabic ("Ḩamāh"), Greek and Cyrillic.
const FALLBACK_FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-subset.ttf");

/// egui's fonts with the fallback behind them, in both families.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    let name = "DejaVu Sans (fallback)".to_string();
    fonts.font_data.insert(
        name.clone(),
        std::sync::Arc::new(egui::FontData::from_static(FALLBACK_FONT)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts.families.entry(family).or_default().push(name.clone());
    }
    ctx.set_fonts(fonts);
}

/// Larger body text for reading, and the fonts; applied each frame (cheap:
/// it only writes when something differs).
pub fn apply_reading_style(ctx: &egui::Context) {
    let body = FontId::new(15.5, FontFamily::Proportional);
    let needs = ctx.global_style().text_styles.get(&TextStyle::Body) != Some(&body);
    if needs {
        install_fonts(ctx);
        ctx.all_styles_mut(|style| {
            style.text_styles.insert(TextStyle::Body, body.clone());
            style.text_styles.insert(
                TextStyle::Heading,
                FontId::new(21.0, FontFamily::Proportional),
            );
            style.text_styles.insert(
                TextStyle::Small,
                FontId::new(12.5, FontFamily::Proportional),
            );
            style.spacing.item_spacing.y = 6.0;
        });
    }
}

/// Shows where the keyboard is: a ring around a widget Geobrief draws itself
/// (a linked name, the map, a passage) while it has the focus. egui's own
/// widgets show their focus themselves.
pub fn paint_focus_ring(ui: &egui::Ui, response: &egui::Response, rect: egui::Rect) {
    if response.has_focus() {
        ui.painter().rect_stroke(
            rect.expand(2.0),
            3.0,
            egui::Stroke::new(2.0, ui.visuals().selection.stroke.color),
            egui::StrokeKind::Outside,
        );
    }
}
