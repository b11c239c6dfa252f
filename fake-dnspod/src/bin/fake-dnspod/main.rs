//! The standalone fake: a seeded account on a loopback address, for trying dpbatch offline.

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
    greet(&server, keys);
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

/// Where the fake is, how to point dpbatch at it, and the account it starts with.
fn greet(server: &FakeDnspod, [token, secret_id, secret_key]: [String; 3]) {
    println!("fake DNSPod batch API at {}", server.url());
    println!("token: {token}");
    println!("API 3.0 SecretId: {secret_id}");
    println!("API 3.0 SecretKey: {secret_key}");
    println!("try:");
    println!(
        "  export DPBATCH_ENDPOINT={} DNSPOD_TOKEN='{token}'",
        server.url()
    );
    println!("  dpbatch domain-create new-site.cn --value 192.0.2.1 --wait");
    println!("or on API 3.0:");
    println!(
        "  export TENCENTCLOUD_SECRET_ID='{secret_id}' TENCENTCLOUD_SECRET_KEY='{secret_key}'"
    );
    println!("  dpbatch --api v3 domain-create new-site.cn --value 192.0.2.1 --wait");
    let records = server.records();
    for domain in server.domains() {
        println!("domain {} {}", domain.id, domain.name);
        for r in records.iter().filter(|r| r.domain_id == domain.id) {
            let mx = r.mx.map(|mx| format!(" (MX {mx})")).unwrap_or_default();
            println!(
                "  record {} {} {} {} {}{mx}",
                r.id, r.sub_domain, r.record_type, r.line, r.value
            );
        }
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
