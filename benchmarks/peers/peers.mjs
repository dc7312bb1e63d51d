// npm peers of support-nlp on the same files and with the same scoring rules as the Java evaluation
// (io.supportkit.nlp.internal.eval). Usage, from this directory after `npm install`:
//   node peers.mjs sentiment <file> vader|sentipers|xed <en|tr|fa>
//   node peers.mjs langid <langid dir> [iso,iso,...]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function label(score) {
  return score > 0.05 ? 'positive' : score < -0.05 ? 'negative' : 'neutral';
}

function csvRecords(lines) {
  const records = [];
  let current = '';
  let quotes = 0;
  for (const line of lines) {
    current = current.length > 0 ? current + ' ' + line : line;
    quotes += (line.match(/"/g) || []).length;
    if (quotes % 2 === 0) {
      records.push(current);
      current = '';
      quotes = 0;
    }
  }
  return records;
}

function read(file, format) {
  let lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  if (format === 'sentipers') lines = csvRecords(lines);
  const samples = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    if (format === 'vader') {
      const p = line.split('\t');
      if (p.length >= 3) {
        const r = parseFloat(p[1]);
        samples.push({ text: p.slice(2).join('\t'), truth: label(r), rating: r / 4 });
      }
    } else if (format === 'sentipers') {
      const comma = line.lastIndexOf(',');
      let text = line.substring(0, comma);
      if (text.startsWith('"') && text.endsWith('"') && text.length >= 2) text = text.slice(1, -1).replaceAll('""', '"');
      const v = parseInt(line.substring(comma + 1).trim(), 10);
      samples.push({ text, truth: v > 0 ? 'positive' : v < 0 ? 'negative' : 'neutral', rating: v / 2 });
    } else if (format === 'xed') {
      const p = line.split('\t');
      if (p.length === 2) {
        const e = new Set(p[1].replaceAll(' ', '').split(','));
        const neg = e.has('1') || e.has('3') || e.has('4') || e.has('6');
        const pos = e.has('5') || e.has('8');
        if (neg !== pos) samples.push({ text: p[0], truth: neg ? 'negative' : 'positive', rating: neg ? -1 : 1 });
      }
    }
  }
  return samples;
}

function report(name, samples, scores) {
  const classes = ['negative', 'neutral', 'positive'];
  const m = classes.map(() => classes.map(() => 0));
  let correct = 0;
  let sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  scores = scores.map((x) => (Number.isFinite(x) ? x : 0));
  samples.forEach((s, i) => {
    const p = label(scores[i]);
    m[classes.indexOf(s.truth)][classes.indexOf(p)]++;
    if (p === s.truth) correct++;
    const x = scores[i], y = s.rating;
    sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y;
  });
  const n = samples.length;
  const r = (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
  console.log(`${name}: n=${n} accuracy=${(correct / n).toFixed(3)} correlation=${r.toFixed(3)}`);
  console.log('| truth \\ predicted | negative | neutral | positive | recall |');
  console.log('|---|---|---|---|---|');
  classes.forEach((c, i) => {
    const total = m[i].reduce((a, b) => a + b, 0);
    console.log(`| ${c} | ${m[i].join(' | ')} | ${total ? (m[i][i] / total).toFixed(3) : 'NaN'} |`);
  });
  console.log('');
}

async function sentiment(file, format, lang) {
  const samples = read(file, format);
  // Scores are squashed like VADER's compound (x / sqrt(x^2 + 15)) only where a peer gives an unbounded sum,
  // so the shared ±0.05 neutral band means the same for every peer.
  const squash = (x) => x / Math.sqrt(x * x + 15);
  const { Container } = require('@nlpjs/core');
  const { SentimentAnalyzer } = require('@nlpjs/sentiment');
  const container = new Container();
  container.use(require('@nlpjs/lang-en').LangEn);
  container.use(require('@nlpjs/lang-tr').LangTr);
  container.use(require('@nlpjs/lang-fa').LangFa);
  const nlpjs = new SentimentAnalyzer({ container });
  const nlpjsScores = [];
  for (const s of samples) {
    const out = await nlpjs.process({ locale: lang, text: s.text });
    nlpjsScores.push(squash(out.sentiment ? out.sentiment.score : 0));
  }
  report(`@nlpjs/sentiment ${lang} ${format} ${path.basename(file)}`, samples, nlpjsScores);
  if (lang === 'en') {
    const vader = require('vader-sentiment');
    report(`vader-sentiment ${path.basename(file)}`, samples,
      samples.map((s) => vader.SentimentIntensityAnalyzer.polarity_scores(s.text).compound));
    const Sentiment = require('sentiment');
    const afinn = new Sentiment();
    report(`sentiment (AFINN-165) ${path.basename(file)}`, samples, samples.map((s) => squash(afinn.analyze(s.text).score)));
    const wink = require('wink-sentiment');
    report(`wink-sentiment ${path.basename(file)}`, samples, samples.map((s) => squash(wink(s.text).score)));
  }
}

const ISO3 = { eng: 'en', tur: 'tr', pes: 'fa', fas: 'fa', arb: 'ar', ara: 'ar', azj: 'az', aze: 'az', urd: 'ur',
  deu: 'de', fra: 'fr', spa: 'es', rus: 'ru', ita: 'it', por: 'pt', nld: 'nl', pol: 'pl', ukr: 'uk', swe: 'sv' };

async function langid(dir, only) {
  const { eld } = await import('eld');
  const { franc } = await import('franc');
  const langs = (only ? only.split(',') : fs.readdirSync(path.join(dir, 'sentences')).map((f) => f.replace('.txt', '')));
  console.log('| lang | eld words / pairs / sentences | franc words / pairs / sentences |');
  console.log('|---|---|---|');
  for (const lang of langs) {
    const cells = { eld: [], franc: [] };
    for (const len of ['single-words', 'word-pairs', 'sentences']) {
      const file = path.join(dir, len, lang + '.txt');
      if (!fs.existsSync(file)) continue;
      const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
      let e = 0, f = 0;
      for (const line of lines) {
        if (eld.detect(line).language === lang) e++;
        const code = franc(line, { minLength: 1 });
        if ((ISO3[code] || code) === lang) f++;
      }
      cells.eld.push(Math.round(100 * e / lines.length));
      cells.franc.push(Math.round(100 * f / lines.length));
    }
    console.log(`| ${lang} | ${cells.eld.join(' / ')} | ${cells.franc.join(' / ')} |`);
  }
}

const [cmd, ...args] = process.argv.slice(2);
if (cmd === 'sentiment') await sentiment(args[0], args[1], args[2] || 'en');
else if (cmd === 'langid') await langid(args[0], args[1]);
else console.log('usage: node peers.mjs sentiment <file> vader|sentipers|xed <lang> | node peers.mjs langid <dir> [iso,...]');
