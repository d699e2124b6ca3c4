//! One driver for every paper (docs/design.md §6). A paper says what it holds for one
//! pool (its section), how a section reads as CSV rows, as a JSON object and as pages,
//! and what the district's totals are; the driver writes it in any format for one pool or
//! for every pool in scope (`--pool all`): the `pool` column leading the CSV, a JSON
//! object per pool under `pools` with the district's beside it, a paper per pool and the
//! district's page after them.

use crate::words;
use std::io::Write;
use std::path::Path;

use serde_json::{Value, json};

use hunvon_core::messages::error::{Error, Result};
use hunvon_core::messages::i18n::Lang;
use hunvon_report::document::{Block, Cell, Column, Document, Signatures, Table};
use hunvon_report::{Format, render_document_to};
use hunvon_store::pools::Pool;

use crate::App;
use crate::papers::printing::Signers;
use crate::papers::reports::Period;

/// What stands over one pool's paper besides its letterhead ([`App::paper_frame`]).
#[derive(Clone, Debug, Default)]
pub struct Frame<'a> {
    pub title: &'a str,
    /// The form's number (`S07-DN`), for a paper that follows one.
    pub form: Option<&'a str>,
    pub period: Option<Period>,
    /// Lines under the title, before the period.
    pub lines: Vec<String>,
}

/// The district's page that closes a paper of several pools: its title, the period it
/// names and its body (the totals), between the pools' seals and the signatures.
pub struct District<'a> {
    pub title: &'a str,
    pub period: Period,
    pub body: Vec<Block>,
}

/// The CSV records of one pool, each led by the pool's code when the paper names it.
pub struct CsvRows<'w, 'o> {
    writer: &'w mut csv::Writer<&'o mut dyn Write>,
    lead: Option<&'w str>,
}

impl CsvRows<'_, '_> {
    /// Writes one record.
    pub fn row<T: AsRef<[u8]>>(&mut self, cells: impl IntoIterator<Item = T>) -> Result<()> {
        if let Some(code) = self.lead {
            self.writer.write_field(code).map_err(Error::Csv)?;
        }
        for cell in cells {
            self.writer.write_field(cell).map_err(Error::Csv)?;
        }
        self.writer.write_record(None::<&[u8]>).map_err(Error::Csv)
    }
}

/// A paper: what it reads for each pool and how that reads in each format.
pub trait Paper {
    /// What the paper holds for one pool.
    type Section: Send + 'static;

    /// Whether every CSV record names its pool, one pool or several (the summary's
    /// lines are read by pool and item); otherwise only when several pools are in scope.
    const CSV_POOL_ALWAYS: bool = false;

    /// Reads one pool's section.
    fn read(&self, app: &App, pool: &Pool) -> Result<Self::Section>;

    /// Reads the section of every pool in scope.
    fn read_all(&self, app: &App) -> Result<Vec<(Pool, Self::Section)>> {
        let mut sections = Vec::new();
        for pool in app.report_pools()? {
            let section = self.read(app, &pool)?;
            sections.push((pool, section));
        }
        Ok(sections)
    }

    /// The CSV header after the `pool` column.
    fn csv_keys(&self) -> &'static [&'static str];

    /// Writes one pool's CSV records.
    fn csv(&self, app: &App, pool: &Pool, section: &Self::Section, out: &mut CsvRows) -> Result<()>;

    /// One pool's JSON object. A paper that streams its rows keeps the totals the
    /// district's object needs in its section as it goes.
    fn json(&self, app: &App, pool: &Pool, section: &mut Self::Section) -> Result<Value>;

    /// The district's JSON object beside the pools' (`--pool all`); none by default.
    fn district_json(&self, _app: &App, _sections: &[(Pool, Self::Section)]) -> Option<Value> {
        None
    }

    /// The title, form, period and lines of one pool's paper.
    fn frame(&self, app: &App, pool: &Pool) -> Result<Frame<'_>>;

    /// What one pool's paper shows between its frame and its signatures. A paper may
    /// move its section's rows into the document (the cash book's lines, drawn only as
    /// their page is).
    fn body(&self, app: &App, pool: &Pool, section: &mut Self::Section, doc: &mut Document) -> Result<()>;

    /// Who signs one pool's paper.
    fn signatures(&self, app: &App, pool: &Pool) -> Result<Signatures> {
        app.signatures(pool, Signers::List)
    }

    /// One pool's pages: the frame, the body and the signatures.
    fn pages(&self, app: &App, pool: &Pool, section: &mut Self::Section) -> Result<Document> {
        let f = self.frame(app, pool)?;
        let mut doc = app.paper_frame(pool, f.title, f.form, f.period, &f.lines)?;
        self.body(app, pool, section, &mut doc)?;
        doc.push(Block::Signatures(self.signatures(app, pool)?));
        Ok(doc)
    }

    /// The district's page after the pools' papers (`--pool all`); none by default.
    fn district(&self, _app: &App, _sections: &[(Pool, Self::Section)]) -> Result<Option<District<'_>>> {
        Ok(None)
    }
}

impl App {
    /// `paper` in `format` for every pool in scope, in memory.
    pub fn render_paper<P: Paper>(&self, paper: &P, format: Format) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        self.render_paper_to(paper, format, &mut out)?;
        Ok(out)
    }

    /// Writes `paper` in `format` for every pool in scope to `out`: CSV row by row, text
    /// and PDF page by page as each is laid out.
    pub fn render_paper_to<P: Paper>(&self, paper: &P, format: Format, out: &mut dyn Write) -> Result<()> {
        let mut sections = paper.read_all(self)?;
        match format {
            Format::Csv => self.paper_csv(paper, &sections, out),
            Format::Json => {
                let value = self.paper_json(paper, &mut sections)?;
                out.write_all(format!("{value:#}\n").as_bytes()).map_err(|e| Error::os(Path::new("output"), &e))
            }
            Format::Text | Format::Html | Format::Pdf => {
                let doc = self.paper_document(paper, &mut sections)?;
                let written = render_document_to(&doc, format, out);
                crate::let_go((doc, sections));
                written
            }
        }
    }

    fn paper_csv<P: Paper>(&self, paper: &P, sections: &[(Pool, P::Section)], out: &mut dyn Write) -> Result<()> {
        let lead = P::CSV_POOL_ALWAYS || sections.len() > 1;
        let mut writer = csv::WriterBuilder::new().from_writer(out);
        let mut header = if lead { vec!["pool"] } else { Vec::new() };
        header.extend(paper.csv_keys());
        writer.write_record(&header).map_err(Error::Csv)?;
        for (pool, section) in sections {
            let mut rows = CsvRows { writer: &mut writer, lead: lead.then_some(pool.code.as_str()) };
            paper.csv(self, pool, section, &mut rows)?;
        }
        writer.flush().map_err(|e| Error::Csv(e.into()))
    }

    /// One pool's object, or every pool's under `pools` and the district's beside them.
    fn paper_json<P: Paper>(&self, paper: &P, sections: &mut [(Pool, P::Section)]) -> Result<Value> {
        let mut pools = Vec::with_capacity(sections.len());
        for (pool, section) in sections.iter_mut() {
            pools.push(paper.json(self, pool, section)?);
        }
        if sections.len() < 2 {
            return Ok(pools.pop().unwrap_or_default());
        }
        let mut value = json!({ "pools": pools });
        if let Some(district) = paper.district_json(self, sections) {
            value["district"] = district;
        }
        Ok(value)
    }

    /// Each pool's paper, then the district's page when several pools are in scope.
    fn paper_document<P: Paper>(&self, paper: &P, sections: &mut [(Pool, P::Section)]) -> Result<Document> {
        let mut doc = Document::new(self.lang);
        for (pool, section) in sections.iter_mut() {
            doc.append(paper.pages(self, pool, section)?);
        }
        if sections.len() > 1
            && let Some(d) = paper.district(self, sections)?
        {
            let mut page = self.district_paper(d.title, d.period, sections.iter().map(|(p, _)| p))?;
            page.blocks.extend(d.body);
            self.sign_district(&mut page);
            doc.append(page);
        }
        Ok(doc)
    }
}

/// The table of a district's page: the pool's code (and its name, `named`) first, then
/// `columns`; one line per pool with the figures `line` gives for its section, and
/// the total line ("Cộng" and the `total` cells, the name's column first when named).
pub fn district_table<S>(
    lang: Lang,
    named: bool,
    columns: Vec<Column>,
    sections: &[(Pool, S)],
    line: impl Fn(&S) -> Vec<Cell>,
    total: Vec<Cell>,
) -> Table {
    let mut all = vec![Column::left(words::pool(lang), 8)];
    if named {
        all.push(Column::wrap(words::pool_name_head(lang), 5));
    }
    all.extend(columns);
    let mut t = Table::new(all);
    for (pool, section) in sections {
        let mut cells = vec![Cell::text(pool.code.clone())];
        if named {
            cells.push(Cell::text(pool.name.clone()));
        }
        cells.extend(line(section));
        t.row(cells);
    }
    let mut cells = vec![Cell::text(words::total(lang))];
    cells.extend(total);
    t.totals.push(cells);
    t
}
