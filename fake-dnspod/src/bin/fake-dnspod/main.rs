//! The standalone fake: a seeded account on a loopback address, for trying dpbatch offline.

mod banner;
mod cli;

use std::process::ExitCode;

use clap::Parser;
use fake_dnspod::FakeDnspod;

use cli::{Args, Hold, Options};

fn main() -> ExitCode {
    serve(Args::parse().options())
}

fn serve(options: Options) -> ExitCode {
    let Options {
        addr,
        config,
        jobs,
        domains,
        held,
    } = options;
    let keys = [&config.token, &config.secret_id, &config.secret_key].map(String::clone);
    let server = match FakeDnspod::bind(addr, config) {
        Ok(server) => server,
        Err(err) => {
            eprintln!("fake-dnspod: cannot listen on {addr}: {err}");
            return ExitCode::FAILURE;
        }
    };
    banner::greet(&mut std::io::stdout(), &server, keys).expect("stdout");
    add_domains(&server, domains);
    for (domains, records) in jobs {
        let job = server.create_domain_job(domains, records);
        server.finish_all();
        println!("job {job}: {domains} domains x {records} records, finished");
    }
    if let Some((slots, hold)) = held {
        hold_slots(&server, slots, hold);
    }
    println!("serving until killed");
    // Connections are served on the server's own threads; this one only keeps it alive.
    loop {
        std::thread::park();
    }
}

/// `--domains`: generated domains with `www` A records, whose IDs benchmarks change.
fn add_domains(server: &FakeDnspod, (domains, per_domain): (usize, usize)) {
    if domains == 0 {
        return;
    }
    let records: Vec<u64> = server
        .add_domains("bench", domains)
        .into_iter()
        .flat_map(|id| {
            (0..per_domain).map(move |n| {
                let value = format!("10.{}.{}.{}", n >> 16 & 255, n >> 8 & 255, n & 255);
                server.add_record(id, "www", "A", "默认", &value)
            })
        })
        .collect();
    println!(
        "domains bench00001.example to bench{domains:05}.example, each with {per_domain} www A"
    );
    // Benchmarks change these records by ID without looking them up.
    if let (Some(first), Some(last)) = (records.first(), records.last()) {
        println!("www records {first} to {last}");
    }
}

fn hold_slots(server: &FakeDnspod, slots: usize, hold: Hold) {
    match hold {
        Hold::Never => {
            server.hold_slots(slots);
            println!("{slots} job slots held by other clients");
        }
        Hold::After(duration) => {
            server.hold_slots_for(slots, duration);
            let ms = duration.as_millis();
            println!("{slots} job slots held by other clients, given back in {ms} ms");
        }
        Hold::AfterRefusals(refusals) => {
            server.hold_slots_for_refusals(slots, refusals);
            println!(
                "{slots} job slots held by other clients, given back after {refusals} refusals"
            );
        }
    }
}
