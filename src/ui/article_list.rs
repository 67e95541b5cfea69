//! The story's articles as a list in the reading panel: title, outlet,
//! date and how many places each names; sorted by the story's order, by
//! date or by outlet, filtered by typing. Only the rows in view are drawn,
//! so a story of ten thousand articles lists as fast as one of ten.

use egui::RichText;

use super::Reading;
use crate::action::Action;
use crate::brief::{Brief, StoryArticle};

/// How the list is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ArticleSort {
    #[default]
    Story,
    Date,
    Outlet,
}

/// What the rows were sorted for: the filter typed, the sort, the
/// articles' version and the time range's.
type RowsKey = (String, ArticleSort, u64, Option<u64>);

/// What the list keeps between frames.
#[derive(Default)]
pub struct ArticleListState {
    pub open: bool,
    pub filter: String,
    pub sort: ArticleSort,
    /// Places named in each article, and how many no earlier article
    /// named, counted once per change of the links.
    counts: Option<(u64, u64, Vec<usize>, Vec<usize>)>,
    /// The rows' order, and what for.
    order: Option<(RowsKey, Vec<usize>)>,
}

impl ArticleListState {
    fn place_counts(&mut self, brief: &Brief) -> (&[usize], &[usize]) {
        let key = (brief.links_version(), brief.articles_version());
        if self
            .counts
            .as_ref()
            .is_none_or(|(l, a, _, _)| (*l, *a) != key)
        {
            self.counts = Some((
                key.0,
                key.1,
                brief.place_counts_by_article(),
                crate::timeline::new_places_by_article(brief),
            ));
        }
        self.counts
            .as_ref()
            .map_or((&[], &[]), |(_, _, c, n)| (c.as_slice(), n.as_slice()))
    }

    fn rows(&mut self, brief: &Brief, time: Option<&crate::timeline::TimeFilter>) -> &[usize] {
        let version = brief.articles_version();
        let range = time.map(|t| t.version);
        let key: RowsKey = (self.filter.clone(), self.sort, version, range);
        if self.order.as_ref().is_none_or(|(k, _)| *k != key) {
            let mut rows = sorted_rows(brief.articles(), &self.filter, self.sort);
            if let Some(time) = time {
                rows.retain(|&i| time.shows_article(i));
            }
            self.order = Some((key, rows));
        }
        self.order.as_ref().map_or(&[], |(_, r)| r.as_slice())
    }
}

/// The positions of the articles that match `filter` (title, outlet, date
/// or address, any case), in the order `sort` asks for.
pub fn sorted_rows(articles: &[StoryArticle], filter: &str, sort: ArticleSort) -> Vec<usize> {
    let filter = filter.trim().to_lowercase();
    let matches = |a: &StoryArticle| {
        filter.is_empty()
            || [
                Some(&a.info.title),
                a.info.outlet.as_ref(),
                a.info.date.as_ref(),
                a.info.url.as_ref(),
            ]
            .into_iter()
            .flatten()
            .any(|f| f.to_lowercase().contains(&filter))
    };
    let mut rows: Vec<usize> = (0..articles.len())
        .filter(|&i| matches(&articles[i]))
        .collect();
    match sort {
        ArticleSort::Story => {}
        // Undated articles last, in the story's order.
        ArticleSort::Date => rows.sort_by(|&a, &b| {
            let key = |i: usize| {
                (
                    articles[i].info.date.is_none(),
                    articles[i].info.date.clone(),
                )
            };
            key(a).cmp(&key(b))
        }),
        ArticleSort::Outlet => rows.sort_by(|&a, &b| {
            let key = |i: usize| {
                (
                    articles[i].info.outlet.is_none(),
                    articles[i].info.outlet.as_deref().map(str::to_lowercase),
                    articles[i].info.date.clone(),
                )
            };
            key(a).cmp(&key(b))
        }),
    }
    rows
}

const ROW_HEIGHT: f32 = 40.0;

pub fn article_list_ui(
    ui: &mut egui::Ui,
    reading: &Reading,
    state: &mut ArticleListState,
    actions: &mut Vec<Action>,
) {
    let brief = reading.brief;
    ui.horizontal(|ui| {
        ui.heading("Articles");
        ui.label(RichText::new(crate::collect::thousands(brief.article_count())).weak());
        if ui.button("Back to the article").clicked() {
            actions.push(Action::ShowArticleList(false));
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label("Filter:");
        ui.add(
            egui::TextEdit::singleline(&mut state.filter)
                .hint_text("title, outlet or date")
                .desired_width(ui.available_width().min(220.0)),
        )
        .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        ui.label("Sort by:");
        ui.selectable_value(&mut state.sort, ArticleSort::Story, "story order");
        ui.selectable_value(&mut state.sort, ArticleSort::Date, "date");
        ui.selectable_value(&mut state.sort, ArticleSort::Outlet, "outlet");
    });
    ui.separator();
    let (counts, new) = state.place_counts(brief);
    let (counts, new) = (counts.to_vec(), new.to_vec());
    let rows = state
        .rows(brief, reading.filter.map(|f| f.as_ref()))
        .to_vec();
    if rows.is_empty() {
        ui.label(RichText::new("No article matches.").weak());
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("article_list")
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
            for &i in &rows[range] {
                let Some(article) = brief.articles().get(i) else {
                    continue;
                };
                let places = (
                    counts.get(i).copied().unwrap_or(0),
                    new.get(i).copied().unwrap_or(0),
                );
                if article_row_ui(ui, article, places, article.id == reading.article.id) {
                    actions.push(Action::ShowArticle(article.id.clone()));
                    actions.push(Action::ShowArticleList(false));
                }
            }
        });
}

/// One row: the title, then outlet · date · places (and how many are new:
/// named in no earlier article); true when clicked.
fn article_row_ui(
    ui: &mut egui::Ui,
    article: &StoryArticle,
    (places, new): (usize, usize),
    current: bool,
) -> bool {
    let info = &article.info;
    let mut meta: Vec<String> = Vec::new();
    meta.extend(info.outlet.clone());
    meta.push(info.date.clone().unwrap_or_else(|| "undated".into()));
    meta.push(match places {
        1 => "1 place".into(),
        n => format!("{n} places"),
    });
    if new > 0 {
        meta.push(format!("{new} new"));
    }
    let text = format!("{}\n{}", info.title, meta.join(" · "));
    let response = ui
        .add_sized(
            [ui.available_width(), ROW_HEIGHT - 4.0],
            egui::Button::selectable(current, RichText::new(text))
                .wrap_mode(egui::TextWrapMode::Truncate),
        )
        .on_hover_text(&info.title);
    response
        .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, current, &info.title));
    response.clicked()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::{Article, ArticleId};

    fn article(title: &str, outlet: Option<&str>, date: Option<&str>) -> StoryArticle {
        StoryArticle {
            id: ArticleId::new(title),
            info: Article {
                title: title.into(),
                outlet: outlet.map(String::from),
                date: date.map(String::from),
                ..Article::default()
            },
            paragraphs: 0..1,
        }
    }

    #[test]
    fn articles_sort_by_date_with_the_undated_last_and_filter_by_any_field() {
        let articles = [
            article("Talks", Some("HAN"), Some("2025-01-28")),
            article("Undated note", Some("Blog"), None),
            article("Ships leave", Some("Wire"), Some("2024-12-10")),
        ];
        assert_eq!(sorted_rows(&articles, "", ArticleSort::Date), [2, 0, 1]);
        assert_eq!(sorted_rows(&articles, "", ArticleSort::Story), [0, 1, 2]);
        assert_eq!(sorted_rows(&articles, "", ArticleSort::Outlet), [1, 0, 2]);
        assert_eq!(sorted_rows(&articles, "wire", ArticleSort::Story), [2]);
        assert_eq!(sorted_rows(&articles, "2025", ArticleSort::Story), [0]);
    }
}
