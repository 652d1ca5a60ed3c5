//! Prints the sentence vector of each line of stdin as a JSON array, one a line: what
//! `scripts/check_model.py` compares with the reference sentence-transformers model.
use std::io::{BufRead, Write};

fn main() -> anyhow::Result<()> {
    let model = newsbrief::embed::Model::get().map_err(anyhow::Error::msg)?;
    let lines: Vec<String> = std::io::stdin().lock().lines().collect::<Result<_, _>>()?;
    let texts: Vec<&str> = lines.iter().map(String::as_str).collect();
    let mut out = std::io::stdout().lock();
    for v in model.embed(&texts) {
        serde_json::to_writer(&mut out, &v.to_f64().collect::<Vec<_>>())?;
        writeln!(out)?;
    }
    Ok(())
}
